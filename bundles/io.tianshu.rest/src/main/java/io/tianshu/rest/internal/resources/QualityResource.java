package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.quality.DecisionInput;
import io.tianshu.quality.GoodsReceipt;
import io.tianshu.quality.GoodsReceiptInput;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionLotInput;
import io.tianshu.quality.InspectionPlan;
import io.tianshu.quality.InspectionPlanInput;
import io.tianshu.quality.OutgoingInspectionInput;
import io.tianshu.quality.PatrolService;
import io.tianshu.quality.QualityService;
import io.tianshu.quality.ResultInput;
import io.tianshu.quality.ResumeInput;
import io.tianshu.quality.SamplingStateView;
import io.tianshu.rest.RestApi;
import java.util.List;
import java.util.Set;
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

/** Inspection plans, inspection lots, results, the usage decision and switching states. */
@Component(service = QualityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QualityResource {
  private static final Set<String> SORTABLE = Set.of("id", "createdAt", "status");

  private final QualityService quality;
  private final PatrolService patrol;

  @Activate
  public QualityResource(@Reference QualityService quality, @Reference PatrolService patrol) {
    this.quality = quality;
    this.patrol = patrol;
  }

  /** Opens the patrol lots due now in the plant (the scheduler does the same every minute). */
  @POST
  @Path("patrol-inspections")
  public List<InspectionLot> patrol(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return patrol.patrol(caller(sc), plant(plantId), java.time.Instant.now());
  }

  /** Creates or replaces the plan of the body's plant, material and supplier. */
  @PUT
  @Path("inspection-plans")
  public InspectionPlan putPlan(@Context SecurityContext sc, InspectionPlanInput in) {
    Resources.body(in);
    return quality.putPlan(caller(sc), in);
  }

  @GET
  @Path("inspection-plans")
  public List<InspectionPlan> plans(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    return quality.listPlans(caller(sc), plant(plantId), materialId);
  }

  @GET
  @Path("inspection-plans/{id}")
  public InspectionPlan plan(@Context SecurityContext sc, @PathParam("id") long id) {
    return quality.getPlan(caller(sc), id);
  }

  @POST
  @Path("inspection-lots")
  public Response createLot(
      @Context SecurityContext sc, @Context UriInfo uri, InspectionLotInput in) {
    Resources.body(in);
    InspectionLot l = quality.createLot(caller(sc), in);
    return Resources.created(uri, l.id(), l);
  }

  @GET
  @Path("inspection-lots")
  public Page<InspectionLot> lots(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("status") String status,
      @QueryParam("materialId") Long materialId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return quality.listLots(
        caller(sc),
        plant(plantId),
        status,
        materialId,
        PageRequest.parse(offset, limit, sort, SORTABLE, "id"));
  }

  @GET
  @Path("inspection-lots/{id}")
  public InspectionLot lot(@Context SecurityContext sc, @PathParam("id") long id) {
    return quality.getLot(caller(sc), id);
  }

  /** Body of {@code POST /inspection-lots/{id}/results}. */
  public record Results(List<ResultInput> results) {}

  @POST
  @Path("inspection-lots/{id}/results")
  public InspectionLot results(
      @Context SecurityContext sc, @PathParam("id") long id, Results body) {
    Resources.body(body);
    return quality.recordResults(caller(sc), id, body.results());
  }

  @POST
  @Path("inspection-lots/{id}/decision")
  public InspectionLot decide(
      @Context SecurityContext sc, @PathParam("id") long id, DecisionInput body) {
    Resources.body(body);
    return quality.decide(caller(sc), id, body);
  }

  /**
   * Receives goods from a supplier or a customer; into QUARANTINE with an inspection lot when the
   * material's plan opens lots on the event.
   */
  @POST
  @Path("goods-receipts")
  public Response receive(@Context SecurityContext sc, GoodsReceiptInput in) {
    Resources.body(in);
    GoodsReceipt r = quality.receive(caller(sc), in);
    return Response.status(Response.Status.CREATED).entity(r).build();
  }

  /** Stages goods for a shipment under outgoing inspection (OQC): AVAILABLE → QUARANTINE. */
  @POST
  @Path("outgoing-inspections")
  public Response inspectOutgoing(
      @Context SecurityContext sc, @Context UriInfo uri, OutgoingInspectionInput in) {
    Resources.body(in);
    InspectionLot l = quality.inspectOutgoing(caller(sc), in);
    return Response.status(Response.Status.CREATED).entity(l).build();
  }

  /** Resumes inspection discontinued by the switching rules (ISO 2859-1 9.4). */
  @POST
  @Path("sampling-states/resume")
  public SamplingStateView resume(@Context SecurityContext sc, ResumeInput in) {
    Resources.body(in);
    return quality.resumeInspection(caller(sc), in);
  }

  @GET
  @Path("sampling-states")
  public SamplingStateView samplingState(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("supplier") String supplier,
      @QueryParam("materialId") Long materialId) {
    new Validation()
        .required("plantId", plantId)
        .required("materialId", materialId)
        .throwIfInvalid();
    return quality.samplingState(caller(sc), plantId, supplier, materialId);
  }

  private static long plant(Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return plantId;
  }
}
