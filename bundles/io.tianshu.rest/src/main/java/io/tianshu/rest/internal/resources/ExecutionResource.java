package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ComponentInput;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.LinePlanEntry;
import io.tianshu.execution.LotTrace;
import io.tianshu.execution.OperationInput;
import io.tianshu.execution.OperationMergeInput;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.execution.OperationSplitInput;
import io.tianshu.execution.OrderTracking;
import io.tianshu.execution.RunningOperation;
import io.tianshu.execution.SerialTrace;
import io.tianshu.execution.TraceDirection;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderInput;
import io.tianshu.execution.WorkOrderOperationPart;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.rest.RestApi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

/** Work orders, their operations, reports from the floor and lot and serial genealogy. */
@Component(service = ExecutionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExecutionResource {
  private static final Set<String> SORTABLE = Set.of("id", "code", "dueDate", "startDate");

  private final ExecutionService execution;

  @Activate
  public ExecutionResource(@Reference ExecutionService execution) {
    this.execution = execution;
  }

  @GET
  @Path("work-orders")
  public Page<WorkOrder> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("status") String status,
      @QueryParam("materialId") Long materialId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return execution.list(
        caller(sc),
        plantId,
        parse(WorkOrderStatus.class, "status", status),
        materialId,
        PageRequest.parse(offset, limit, sort, SORTABLE, "id"));
  }

  @POST
  @Path("work-orders")
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, WorkOrderInput in) {
    Resources.body(in);
    WorkOrder w = execution.create(caller(sc), in);
    return Resources.created(uri, w.id(), w);
  }

  /** Body of {@code POST /work-orders/from-receipts}. */
  public record FromReceipts(
      Long plantId, List<Long> receiptIds, Long issueLocationId, Long receiveLocationId) {}

  /** Work orders from planning's released PRODUCTION receipts (released planned orders). */
  @POST
  @Path("work-orders/from-receipts")
  public List<WorkOrder> fromReceipts(@Context SecurityContext sc, FromReceipts in) {
    Resources.body(in);
    if (in.plantId() == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return execution.createFromReceipts(
        caller(sc), in.plantId(), in.receiptIds(), in.issueLocationId(), in.receiveLocationId());
  }

  /**
   * The operations running (STARTED) at a station or, without one, at a work centre; newest first.
   * A literal path, so it is matched before {@code work-orders/{id}}.
   */
  @GET
  @Path("work-orders/running")
  public List<RunningOperation> running(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("station") String station,
      @QueryParam("workCenterId") Long workCenterId) {
    io.tianshu.core.Validation v = new io.tianshu.core.Validation().required("plantId", plantId);
    if ((station == null || station.isBlank()) && workCenterId == null) {
      // named here too, so that a request without any of the three hears of all of them at once
      v.add("station", "required", "station or work centre required / 须指定工位或工作中心");
      v.add("workCenterId", "required", "station or work centre required / 须指定工位或工作中心");
    }
    v.throwIfInvalid();
    return execution.runningOperations(caller(sc), plantId, station, workCenterId);
  }

  @GET
  @Path("work-orders/{id}")
  public WorkOrder get(@Context SecurityContext sc, @PathParam("id") long id) {
    return execution.get(caller(sc), id);
  }

  /** Body of the order's status changes: the version last read, and what the action needs. */
  public record Change(Long version, BigDecimal quantity, String reason) {}

  @POST
  @Path("work-orders/{id}/release")
  public WorkOrder release(@Context SecurityContext sc, @PathParam("id") long id, Change body) {
    return execution.release(caller(sc), id, version(body));
  }

  @POST
  @Path("work-orders/{id}/split")
  public WorkOrder split(@Context SecurityContext sc, @PathParam("id") long id, Change body) {
    return execution.split(caller(sc), id, body == null ? null : body.quantity(), version(body));
  }

  /** Forced completion: the order stops short of its quantity, for the reason given. */
  @POST
  @Path("work-orders/{id}/complete")
  public WorkOrder complete(@Context SecurityContext sc, @PathParam("id") long id, Change body) {
    return execution.complete(caller(sc), id, body == null ? null : body.reason(), version(body));
  }

  @POST
  @Path("work-orders/{id}/close")
  public WorkOrder close(@Context SecurityContext sc, @PathParam("id") long id, Change body) {
    return execution.close(caller(sc), id, version(body));
  }

  @POST
  @Path("work-orders/{id}/cancel")
  public WorkOrder cancel(@Context SecurityContext sc, @PathParam("id") long id, Change body) {
    return execution.cancel(caller(sc), id, version(body));
  }

  /** Body of an operation action: START, PAUSE, SKIP or DISPATCH (with station etc.). */
  public record OperationAction(String action, String station, String operator, String shift) {}

  @POST
  @Path("work-orders/{id}/operations/{seq}")
  public WorkOrder operation(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      OperationAction body) {
    Resources.body(body);
    if ("DISPATCH".equalsIgnoreCase(body.action())) {
      return execution.dispatch(caller(sc), id, seq, body.station(), body.operator(), body.shift());
    }
    return execution.operationAction(caller(sc), id, seq, body.action());
  }

  @GET
  @Path("work-orders/{id}/reports")
  public Page<OperationReport> reports(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return execution.reports(
        caller(sc), id, PageRequest.parse(offset, limit, null, Set.of("id"), "id"));
  }

  /**
   * A report from the floor; 201 when it was recorded, 200 with the first report when its {@code
   * reportKey} was already reported (a retry).
   */
  @POST
  @Path("operation-reports")
  public Response report(
      @Context SecurityContext sc, @Context UriInfo uri, OperationReportInput in) {
    Resources.body(in);
    OperationReport r = execution.report(caller(sc), in);
    if (r.duplicate()) {
      return Response.ok(r).build();
    }
    return Resources.created(uri, r.id(), r);
  }

  @GET
  @Path("genealogy")
  public LotTrace trace(
      @Context SecurityContext sc,
      @QueryParam("materialId") Long materialId,
      @QueryParam("lot") String lot,
      @QueryParam("direction") String direction,
      @QueryParam("levels") Integer levels) {
    if (materialId == null) {
      throw new ValidationException("materialId", "required", "is required / 必填");
    }
    TraceDirection d = parse(TraceDirection.class, "direction", direction);
    return execution.trace(
        caller(sc),
        materialId,
        lot,
        d == null ? TraceDirection.BACKWARD : d,
        levels == null ? 10 : levels);
  }

  /**
   * The genealogy of a serial unit of {@code materialId}, over serial and lot genealogy, BACKWARD
   * (default) or FORWARD with the recall view (ends, shipments, customers), like {@link #trace}.
   */
  @GET
  @Path("genealogy/serials/{serial}")
  public SerialTrace traceSerial(
      @Context SecurityContext sc,
      @PathParam("serial") String serial,
      @QueryParam("materialId") Long materialId,
      @QueryParam("direction") String direction,
      @QueryParam("levels") Integer levels) {
    if (materialId == null) {
      throw new ValidationException("materialId", "required", "is required / 必填");
    }
    TraceDirection d = parse(TraceDirection.class, "direction", direction);
    return execution.traceSerial(
        caller(sc),
        materialId,
        serial,
        d == null ? TraceDirection.BACKWARD : d,
        levels == null ? 10 : levels);
  }

  /** Changes a line of the order BOM ({@code componentId}) or adds one (without it). */
  @POST
  @Path("work-orders/{id}/components")
  public WorkOrder editComponent(
      @Context SecurityContext sc, @PathParam("id") long id, ComponentInput body) {
    Resources.body(body);
    return execution.editComponent(caller(sc), id, body);
  }

  /**
   * Changes an operation of the order routing (description, work centre, times, outsourced) with
   * the order's {@code version}.
   */
  @PUT
  @Path("work-orders/{id}/operations/{seq}")
  public WorkOrder changeOperation(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      OperationInput body) {
    Resources.body(body);
    return execution.changeOperation(caller(sc), id, seq, body);
  }

  /** Inserts an operation into the order routing at its {@code seq}. */
  @POST
  @Path("work-orders/{id}/operations")
  public WorkOrder insertOperation(
      @Context SecurityContext sc, @PathParam("id") long id, OperationInput body) {
    Resources.body(body);
    return execution.insertOperation(caller(sc), id, body);
  }

  /** Removes an operation of the order routing that has received nothing. */
  @DELETE
  @Path("work-orders/{id}/operations/{seq}")
  public WorkOrder removeOperation(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      @QueryParam("version") Long version) {
    return execution.removeOperation(caller(sc), id, seq, Resources.requireVersion(version));
  }

  /**
   * Splits work in progress of an operation into parts (工序分割), each with its own quantity, station,
   * operator and shift: {@code {"version":..,"fromPart":null,"parts":[{"quantity":60,
   * "station":"A"},{"quantity":40,"station":"B"}]}}. Answers the order; its operation lists the
   * parts, part 0 being the unsplit rest.
   */
  @POST
  @Path("work-orders/{id}/operations/{seq}/splits")
  public WorkOrder splitOperation(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      OperationSplitInput body) {
    Resources.body(body);
    return execution.splitOperation(caller(sc), id, seq, body);
  }

  /**
   * Merges parts of an operation (合并): {@code parts} (absent: all) into {@code intoPart} (absent:
   * the unsplit rest).
   */
  @POST
  @Path("work-orders/{id}/operations/{seq}/merge")
  public WorkOrder mergeOperation(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @PathParam("seq") int seq,
      OperationMergeInput body) {
    return execution.mergeOperation(
        caller(sc), id, seq, body == null ? new OperationMergeInput(null, null, null) : body);
  }

  /** The parts of an operation, part 0 first (the unsplit rest); empty when it is not split. */
  @GET
  @Path("work-orders/{id}/operations/{seq}/splits")
  public List<WorkOrderOperationPart> parts(
      @Context SecurityContext sc, @PathParam("id") long id, @PathParam("seq") int seq) {
    return execution.get(caller(sc), id).operations().stream()
        .filter(o -> o.seq() == seq)
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException("seq", "unknown", "not an operation of the order / 非本工单工序"))
        .parts();
  }

  /** Body of {@code POST /work-orders/{id}/line}. */
  public record LineChange(Long version, String lineCode) {}

  @POST
  @Path("work-orders/{id}/line")
  public WorkOrder transferLine(
      @Context SecurityContext sc, @PathParam("id") long id, LineChange body) {
    Resources.body(body);
    return execution.transferLine(
        caller(sc), id, body.lineCode(), Resources.requireVersion(body.version()));
  }

  /** Body of {@code POST /work-orders/merge}. */
  public record Merge(List<Long> ids) {}

  @POST
  @Path("work-orders/merge")
  public Response merge(@Context SecurityContext sc, @Context UriInfo uri, Merge body) {
    Resources.body(body);
    WorkOrder w = execution.merge(caller(sc), body.ids());
    return Resources.created(uri, w.id(), w);
  }

  @GET
  @Path("line-plans")
  public List<LinePlanEntry> linePlan(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("line") String line) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    io.tianshu.core.Validation v = new io.tianshu.core.Validation();
    java.time.LocalDate f = Dates.required(v, "from", from);
    java.time.LocalDate t = Dates.required(v, "to", to);
    v.throwIfInvalid();
    return execution.linePlan(caller(sc), plantId, f, t, line);
  }

  @GET
  @Path("order-tracking")
  public OrderTracking track(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("orderNo") String orderNo) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return execution.track(caller(sc), plantId, orderNo);
  }

  private static long version(Change body) {
    return Resources.requireVersion(body == null ? null : body.version());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, "invalid", "unknown value / 取值无效: " + value);
    }
  }
}
