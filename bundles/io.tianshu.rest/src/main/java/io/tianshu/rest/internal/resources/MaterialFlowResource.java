package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.LineStockRule;
import io.tianshu.execution.MaterialFlowService;
import io.tianshu.execution.MaterialIssue;
import io.tianshu.execution.MaterialIssueInput;
import io.tianshu.execution.MergedIssueInput;
import io.tianshu.execution.MergedMaterialIssue;
import io.tianshu.execution.MergedPickList;
import io.tianshu.execution.OutsourcedWork;
import io.tianshu.execution.OutsourcingInput;
import io.tianshu.execution.PickList;
import io.tianshu.execution.Replenishment;
import io.tianshu.execution.WorkOrder;
import io.tianshu.rest.RestApi;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Pick lists, issues and returns, line-side replenishment, and outsourcing of operations. */
@Component(service = MaterialFlowResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MaterialFlowResource {
  private final MaterialFlowService materials;
  private final ExecutionService execution;

  @Activate
  public MaterialFlowResource(
      @Reference MaterialFlowService materials, @Reference ExecutionService execution) {
    this.materials = materials;
    this.execution = execution;
  }

  @GET
  @Path("work-orders/{id}/pick-list")
  public PickList pickList(@Context SecurityContext sc, @PathParam("id") long id) {
    return materials.pickList(caller(sc), id);
  }

  /** 201 when posted, 200 with the first one when the issueKey was used before (a retry). */
  @POST
  @Path("work-orders/{id}/material-issues")
  public Response issue(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") long id,
      MaterialIssueInput in) {
    Resources.body(in);
    MaterialIssue issue = materials.issue(caller(sc), id, in);
    return issue.duplicate()
        ? Response.ok(issue).build()
        : Resources.created(uri, issue.id(), issue);
  }

  /**
   * One material for several orders (合并发料); 201 when posted, 200 with the first one when the
   * issueKey was used before (a retry), 409 and nothing posted when stock is short.
   */
  @POST
  @Path("material-issues/merged")
  public Response mergedIssue(
      @Context SecurityContext sc, @Context UriInfo uri, MergedIssueInput in) {
    Resources.body(in);
    MergedMaterialIssue issue = materials.mergedIssue(caller(sc), in);
    return issue.duplicate()
        ? Response.ok(issue).build()
        : Resources.created(uri, issue.id(), issue);
  }

  /** {@code workOrderIds=1,2,3} (or the parameter repeated). */
  @GET
  @Path("pick-lists/merged")
  public MergedPickList mergedPickList(
      @Context SecurityContext sc, @QueryParam("workOrderIds") List<String> workOrderIds) {
    List<Long> ids = new ArrayList<>();
    for (String part : workOrderIds == null ? List.<String>of() : workOrderIds) {
      for (String id : part.split(",")) {
        if (id.isBlank()) {
          continue;
        }
        try {
          ids.add(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
          throw new ValidationException(
              "workOrderIds", "invalid", "comma-separated order ids / 须为逗号分隔的工单号");
        }
      }
    }
    return materials.mergedPickList(caller(sc), ids);
  }

  @GET
  @Path("line-stock-rules")
  public List<LineStockRule> rules(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return materials.lineStockRules(caller(sc), requirePlant(plantId));
  }

  @PUT
  @Path("line-stock-rules")
  public LineStockRule putRule(@Context SecurityContext sc, LineStockRule in) {
    Resources.body(in);
    return materials.putLineStockRule(caller(sc), in);
  }

  /** The pull signals now; {@code execute=true} posts the transfers. */
  @POST
  @Path("line-stock-replenishments")
  public List<Replenishment> replenish(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("execute") boolean execute) {
    return materials.replenish(caller(sc), requirePlant(plantId), execute);
  }

  @POST
  @Path("work-orders/{id}/operations/{seq}/outsourcing-shipments")
  public WorkOrder send(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      OutsourcingInput in) {
    Resources.body(in);
    return execution.outsourceSend(caller(sc), id, seq, in);
  }

  @POST
  @Path("work-orders/{id}/operations/{seq}/outsourcing-receipts")
  public WorkOrder receive(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      OutsourcingInput in) {
    Resources.body(in);
    return execution.outsourceReceive(caller(sc), id, seq, in);
  }

  @GET
  @Path("outsourced-work")
  public List<OutsourcedWork> outsourced(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return execution.outsourcedWork(caller(sc), requirePlant(plantId));
  }

  private static long requirePlant(Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return plantId;
  }
}
