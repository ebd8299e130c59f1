package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.planning.Allocation;
import io.tianshu.planning.AllocationInput;
import io.tianshu.planning.ConfirmationInput;
import io.tianshu.planning.Forecast;
import io.tianshu.planning.ForecastInput;
import io.tianshu.planning.ForecastSplit;
import io.tianshu.planning.ForecastSplitInput;
import io.tianshu.planning.KitReport;
import io.tianshu.planning.PlanComparison;
import io.tianshu.planning.PlanExport;
import io.tianshu.planning.PlanGrid;
import io.tianshu.planning.PlanMessage;
import io.tianshu.planning.PlanOrder;
import io.tianshu.planning.PlanParameter;
import io.tianshu.planning.PlanParameterInput;
import io.tianshu.planning.PlanPegging;
import io.tianshu.planning.PlanRun;
import io.tianshu.planning.PlanRunRequest;
import io.tianshu.planning.PlanType;
import io.tianshu.planning.PlanTypeInput;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.Promise;
import io.tianshu.planning.Receipt;
import io.tianshu.planning.ReceiptInput;
import io.tianshu.planning.SalesOrder;
import io.tianshu.planning.SalesOrderInput;
import io.tianshu.planning.engine.CapacityReport;
import io.tianshu.planning.engine.CtpResult;
import io.tianshu.rest.RestApi;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/**
 * Planning: parameters, forecasts, sales order lines, scheduled receipts, plan runs (a job while
 * running: phase and percent, cancel) and their results, and order promising (/promise).
 */
@Component(service = PlanningResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanningResource {
  private static final long MAX_WAIT_MILLIS = 600_000;
  private final PlanningService planning;

  @Activate
  public PlanningResource(@Reference PlanningService planning) {
    this.planning = planning;
  }

  private static long plant(Long plantId) {
    new Validation().required("plantId", plantId).throwIfInvalid();
    return plantId;
  }

  @PUT
  @Path("plan-parameters")
  public PlanParameter putParameter(@Context SecurityContext sc, PlanParameterInput input) {
    return planning.putParameter(caller(sc), Resources.body(input));
  }

  @GET
  @Path("plan-parameters")
  public List<PlanParameter> parameters(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    return planning.parameters(caller(sc), plant(plantId), materialId);
  }

  @POST
  @Path("forecasts")
  public Response addForecast(
      @Context SecurityContext sc, @Context UriInfo uri, ForecastInput input) {
    Forecast f = planning.addForecast(caller(sc), Resources.body(input));
    return Resources.created(uri, f.id(), f);
  }

  @GET
  @Path("forecasts")
  public List<Forecast> forecasts(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    return planning.forecasts(caller(sc), plant(plantId), materialId);
  }

  @DELETE
  @Path("forecasts/{id}")
  public Response deleteForecast(@Context SecurityContext sc, @PathParam("id") long id) {
    planning.deleteForecast(caller(sc), id);
    return Response.noContent().build();
  }

  /** Puts (replaces) a material group's forecast split in a plant. */
  @PUT
  @Path("forecast-splits")
  public ForecastSplit putForecastSplit(@Context SecurityContext sc, ForecastSplitInput input) {
    return planning.putForecastSplit(caller(sc), Resources.body(input));
  }

  @GET
  @Path("forecast-splits")
  public ForecastSplit forecastSplit(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("groupId") Long groupId) {
    new Validation().required("plantId", plantId).required("groupId", groupId).throwIfInvalid();
    return planning.forecastSplit(caller(sc), plantId, groupId);
  }

  @POST
  @Path("sales-orders")
  public Response addSalesOrderLine(
      @Context SecurityContext sc, @Context UriInfo uri, SalesOrderInput input) {
    SalesOrder s = planning.addSalesOrderLine(caller(sc), Resources.body(input));
    return Resources.created(uri, s.id(), s);
  }

  @GET
  @Path("sales-orders")
  public List<SalesOrder> salesOrders(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    return planning.salesOrders(caller(sc), plant(plantId), materialId);
  }

  @POST
  @Path("sales-orders/{id}/close")
  public SalesOrder closeSalesOrderLine(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    return planning.closeSalesOrderLine(caller(sc), id, Resources.requireVersion(version));
  }

  @POST
  @Path("receipts")
  public Response addReceipt(
      @Context SecurityContext sc, @Context UriInfo uri, ReceiptInput input) {
    Receipt r = planning.addReceipt(caller(sc), Resources.body(input));
    return Resources.created(uri, r.id(), r);
  }

  @GET
  @Path("receipts")
  public List<Receipt> receipts(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    return planning.receipts(caller(sc), plant(plantId), materialId);
  }

  /** A supplier's confirmation of a purchase order or requisition (SRM). */
  @POST
  @Path("receipts/{id}/confirmation")
  public Receipt confirmReceipt(
      @Context SecurityContext sc, @PathParam("id") long id, ConfirmationInput input) {
    return planning.confirmReceipt(caller(sc), id, Resources.body(input));
  }

  @POST
  @Path("allocations")
  public Response addAllocation(
      @Context SecurityContext sc, @Context UriInfo uri, AllocationInput input) {
    Allocation a = planning.addAllocation(caller(sc), Resources.body(input));
    return Resources.created(uri, a.id(), a);
  }

  @GET
  @Path("allocations")
  public List<Allocation> allocations(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    return planning.allocations(caller(sc), plant(plantId), materialId);
  }

  @DELETE
  @Path("allocations/{id}")
  public Response deleteAllocation(@Context SecurityContext sc, @PathParam("id") long id) {
    planning.deleteAllocation(caller(sc), id);
    return Response.noContent().build();
  }

  /** Creates or updates a plan type (send the version last read to update). */
  @PUT
  @Path("plan-types")
  public PlanType putPlanType(@Context SecurityContext sc, PlanTypeInput input) {
    return planning.putPlanType(caller(sc), Resources.body(input));
  }

  @GET
  @Path("plan-types")
  public List<PlanType> planTypes(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return planning.planTypes(caller(sc), plant(plantId));
  }

  @DELETE
  @Path("plan-types/{code}")
  public Response deletePlanType(
      @Context SecurityContext sc,
      @PathParam("code") String code,
      @QueryParam("plantId") Long plantId) {
    planning.deletePlanType(caller(sc), plant(plantId), code);
    return Response.noContent().build();
  }

  /**
   * Starts a run: 202 with the run (status RUNNING) and its Location to poll; with {@code
   * wait=true} the call returns once the run has ended (201), at most ten minutes.
   */
  @POST
  @Path("plan-runs")
  public Response startRun(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("wait") Boolean wait,
      PlanRunRequest request) {
    PlanRun run = planning.startRun(caller(sc), Resources.body(request));
    var location = uri.getAbsolutePathBuilder().path(String.valueOf(run.id())).build();
    if (!Boolean.TRUE.equals(wait)) {
      return Response.accepted(run).location(location).build();
    }
    long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
    while (run.active() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      run = planning.run(caller(sc), run.id());
    }
    return Response.created(location).entity(run).build();
  }

  @GET
  @Path("plan-runs")
  public List<PlanRun> runs(@Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return planning.runs(caller(sc), plant(plantId));
  }

  @GET
  @Path("plan-runs/{id}")
  public PlanRun run(@Context SecurityContext sc, @PathParam("id") long id) {
    return planning.run(caller(sc), id);
  }

  @POST
  @Path("plan-runs/{id}/cancel")
  public PlanRun cancel(@Context SecurityContext sc, @PathParam("id") long id) {
    return planning.cancelRun(caller(sc), id);
  }

  /** Body {"status": "FIRMED" | "RELEASED", "version": n}. */
  @POST
  @Path("plan-runs/{id}/status")
  public PlanRun setStatus(
      @Context SecurityContext sc, @PathParam("id") long id, Map<String, Object> body) {
    Resources.body(body);
    Object version = body.get("version");
    Long v = version instanceof Number n ? n.longValue() : null;
    return planning.setRunStatus(
        caller(sc), id, (String) body.get("status"), Resources.requireVersion(v));
  }

  /**
   * Releases planned orders of a firmed or released run as scheduled receipts, merging orders of
   * one material due within {@code mergeDays}; the body selects them (all when empty).
   */
  @POST
  @Path("plan-runs/{id}/release-orders")
  public List<Receipt> releaseOrders(
      @Context SecurityContext sc, @PathParam("id") long id, PlanningService.OrderRelease request) {
    return planning.releaseOrders(
        caller(sc),
        id,
        request == null ? new PlanningService.OrderRelease(null, null, null, null, null) : request);
  }

  @DELETE
  @Path("plan-runs/{id}")
  public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
    planning.deleteRun(caller(sc), id);
    return Response.noContent().build();
  }

  @GET
  @Path("plan-runs/{id}/planned-orders")
  public Page<PlanOrder> plannedOrders(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("materialId") Long materialId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return planning.plannedOrders(
        caller(sc), id, materialId, PageRequest.parse(offset, limit, null, Set.of("id"), "id"));
  }

  @GET
  @Path("plan-runs/{id}/pegging")
  public List<PlanPegging> pegging(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId) {
    new Validation().required("materialId", materialId).throwIfInvalid();
    return planning.pegging(caller(sc), id, plantId, materialId);
  }

  @GET
  @Path("plan-runs/{id}/messages")
  public Page<PlanMessage> messages(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("kind") String kind,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return planning.messages(
        caller(sc), id, kind, PageRequest.parse(offset, limit, null, Set.of("id"), "id"));
  }

  @GET
  @Path("plan-runs/{id}/compare/{other}")
  public PlanComparison compare(
      @Context SecurityContext sc, @PathParam("id") long id, @PathParam("other") long other) {
    return planning.compare(caller(sc), id, other);
  }

  /**
   * The earliest date the quantity can be promised, from {@code date} (default today) on; for a
   * change of an open line, {@code salesOrderLineId} leaves that line out of the committed orders.
   * When the date cannot be met, {@code displaces} lists the lines giving it anyway would leave
   * short.
   */
  @GET
  @Path("promise")
  public Promise promise(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("quantity") Double quantity,
      @QueryParam("date") String date,
      @QueryParam("salesOrderLineId") Long salesOrderLineId) {
    Validation v = new Validation();
    v.required("plantId", plantId)
        .required("materialId", materialId)
        .required("quantity", quantity);
    LocalDate d = Dates.optional(v, "date", date);
    v.throwIfInvalid();
    return planning.promise(
        caller(sc),
        plantId,
        materialId,
        quantity,
        d == null ? LocalDate.now() : d,
        salesOrderLineId);
  }

  /**
   * Kitting (齐套) of the plant's open sales order lines, or of a run's planned orders ({@code
   * source=PLANNED_ORDER&runId=}), on {@code date} (default today).
   */
  @GET
  @Path("kitting")
  public KitReport kitting(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("source") String source,
      @QueryParam("runId") Long runId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("date") String date) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    LocalDate d = Dates.optional(v, "date", date);
    v.throwIfInvalid();
    return planning.kitting(caller(sc), plantId, source, runId, materialId, d);
  }

  /** The kitting shortages as purchase requisitions (scheduled receipts), in one step. */
  @POST
  @Path("kitting/requisitions")
  public Response requisitions(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("source") String source,
      @QueryParam("runId") Long runId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("date") String date) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    LocalDate d = Dates.optional(v, "date", date);
    v.throwIfInvalid();
    List<Receipt> created =
        planning.createRequisitions(caller(sc), plantId, source, runId, materialId, d);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  /**
   * Load per work centre and bucket (default: the run's plan type bucket) from the run's planned
   * orders.
   */
  @GET
  @Path("plan-runs/{id}/capacity")
  public CapacityReport capacity(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("bucketDays") Integer bucketDays) {
    return planning.capacity(caller(sc), id, bucketDays == null ? 0 : bucketDays);
  }

  /**
   * Rough-cut load of the run's MPS orders through their bills of resources (default: the run's
   * bucket).
   */
  @GET
  @Path("plan-runs/{id}/rough-cut")
  public CapacityReport roughCut(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("bucketDays") Integer bucketDays) {
    return planning.roughCut(caller(sc), id, bucketDays == null ? 0 : bucketDays);
  }

  /** Body of POST /promise: the plant and the order's lines. */
  public record PromiseRequest(Long plantId, List<PlanningService.PromiseLine> lines) {}

  /**
   * Capable-to-promise for an order's lines in one call: per line the promised date, whether it is
   * on time, and the materials on the critical path when it is not.
   */
  @POST
  @Path("promise")
  public List<CtpResult> capableToPromise(@Context SecurityContext sc, PromiseRequest request) {
    Resources.body(request);
    new Validation().required("plantId", request.plantId()).throwIfInvalid();
    return planning.capableToPromise(caller(sc), request.plantId(), request.lines());
  }

  /** The time-phased record (MRP grid) of a material in the run, weekly unless told. */
  @GET
  @Path("plan-runs/{id}/grid")
  public PlanGrid grid(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("bucketDays") Integer bucketDays) {
    new Validation().required("materialId", materialId).throwIfInvalid();
    return planning.grid(caller(sc), id, plantId, materialId, bucketDays == null ? 0 : bucketDays);
  }

  /**
   * A run's results in the exchange format (JSON), or its planned orders as CSV with {@code
   * format=csv} (plant, material, procurement, sourcePlant, releaseDate, dueDate, quantity).
   */
  @GET
  @Path("plan-runs/{id}/export")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response export(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("format") String format) {
    PlanExport export = planning.export(caller(sc), id);
    if (!"csv".equalsIgnoreCase(format)) {
      return Response.ok(export, MediaType.APPLICATION_JSON).build();
    }
    StringBuilder csv =
        new StringBuilder(
            "id,plant,material,procurement,sourcePlant,releaseDate,dueDate,quantity\n");
    for (PlanExport.Order o : export.planResults().plannedOrders()) {
      csv.append(o.id())
          .append(',')
          .append(csvField(o.plant()))
          .append(',')
          .append(csvField(o.material()))
          .append(',')
          .append(o.procurement())
          .append(',')
          .append(o.sourcePlant() == null ? "" : csvField(o.sourcePlant()))
          .append(',')
          .append(o.releaseDate())
          .append(',')
          .append(o.dueDate())
          .append(',')
          .append(java.math.BigDecimal.valueOf(o.quantity()).stripTrailingZeros().toPlainString())
          .append('\n');
    }
    return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"plan-run-" + id + ".csv\"")
        .build();
  }

  private static String csvField(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
