package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.integration.DeadLetter;
import io.tianshu.integration.InboundResult;
import io.tianshu.integration.InboundService;
import io.tianshu.integration.IntegrationService;
import io.tianshu.integration.RouteFile;
import io.tianshu.integration.RouteInfo;
import io.tianshu.integration.b2mml.B2mmlService;
import io.tianshu.rest.RestApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The integration hub over REST: the Camel routes and dead letters, read-only (group
 * administrators; starting, stopping, reloading and retrying are console commands, where the
 * administrators of the installation work), the inbound door for partners that push, and a plant's
 * data as ISA-95 / B2MML documents (docs/integration/b2mml.md).
 */
@Component(service = IntegrationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("integration")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {
  private final IntegrationService integration;
  private final InboundService inbound;
  private final B2mmlService b2mml;

  @Activate
  public IntegrationResource(
      @Reference IntegrationService integration,
      @Reference InboundService inbound,
      @Reference B2mmlService b2mml) {
    this.integration = integration;
    this.inbound = inbound;
    this.b2mml = b2mml;
  }

  /**
   * Runs an inbound command once per {@code Idempotency-Key} (the message id), exactly as the Camel
   * endpoint does but as the authenticated caller: 200 with the command's result, the first result
   * again (and header {@code Tianshu-Duplicate: true}) for a key that already committed; invalid
   * payloads answer 4xx listing the bad fields and are not dead-lettered (the caller sees the
   * error).
   */
  @POST
  @Path("inbound/{command}")
  @Consumes({
    MediaType.APPLICATION_JSON,
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_XML,
    MediaType.TEXT_XML
  })
  public Response inbound(
      @Context SecurityContext sc,
      @PathParam("command") String command,
      @HeaderParam("Idempotency-Key") String messageId,
      String payload) {
    InboundResult r = inbound.accept(caller(sc), messageId, command, payload);
    return Response.ok(r.resultJson() == null ? "null" : r.resultJson(), MediaType.APPLICATION_JSON)
        .header("Tianshu-Duplicate", r.duplicate())
        .build();
  }

  /** The commands served, for partners to discover. */
  @GET
  @Path("inbound")
  public List<String> commands(@Context SecurityContext sc) {
    caller(sc);
    return inbound.commands();
  }

  /**
   * Dead letters, newest first (group administrators); {@code status} OPEN, RESOLVED, DISCARDED.
   */
  @GET
  @Path("dead-letters")
  public List<DeadLetter> deadLetters(
      @Context SecurityContext sc,
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return inbound.deadLetters(caller(sc), status, limit);
  }

  @GET
  @Path("dead-letters/{id}")
  public DeadLetter deadLetter(@Context SecurityContext sc, @PathParam("id") long id) {
    return inbound.deadLetter(caller(sc), id);
  }

  /** Every route with its state, source and exchange counters. */
  @GET
  @Path("routes")
  public List<RouteInfo> routes(@Context SecurityContext sc) {
    return integration.routes(caller(sc));
  }

  /** Every route file of the watched folder with its load status and last error. */
  @GET
  @Path("route-files")
  public List<RouteFile> routeFiles(@Context SecurityContext sc) {
    return integration.routeFiles(caller(sc));
  }

  private static long plant(Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return plantId;
  }

  /** The plant's materials as a B2MML {@code SyncMaterialDefinition}. */
  @GET
  @Path("b2mml/materials")
  @Produces(MediaType.APPLICATION_XML)
  public String b2mmlMaterials(@Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return b2mml.materials(caller(sc), plant(plantId));
  }

  /** The plant's open work orders as a B2MML {@code ProductionSchedule}. */
  @GET
  @Path("b2mml/production-schedule")
  @Produces(MediaType.APPLICATION_XML)
  public String b2mmlProductionSchedule(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return b2mml.productionSchedule(caller(sc), plant(plantId));
  }

  /**
   * The plant's operation reports of a period as a B2MML {@code ProductionPerformance}, one {@code
   * ProductionResponse} per work order. {@code from} and {@code to} are instants ({@code
   * 2026-11-22T08:00:00Z}) or dates (UTC days, both inclusive); default the last 24 hours, at most
   * 31 days.
   */
  @GET
  @Path("b2mml/production-performance")
  @Produces(MediaType.APPLICATION_XML)
  public String b2mmlProductionPerformance(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    Instant start = instant(v, "from", from, false);
    Instant end = instant(v, "to", to, true);
    v.throwIfInvalid();
    return b2mml.productionPerformance(caller(sc), plantId, start, end);
  }

  /** An instant, or a date taken as a UTC day (its start; for an end, the next day's start). */
  private static Instant instant(Validation v, String field, String value, boolean end) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.trim();
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      v.add(
          field,
          "invalid_time",
          "use YYYY-MM-DD or an ISO-8601 instant / 应为 YYYY-MM-DD 或 ISO-8601 时间");
      return null;
    }
  }

  /** The plant's equipment hierarchy and resources as a B2MML {@code EquipmentInformation}. */
  @GET
  @Path("b2mml/equipment")
  @Produces(MediaType.APPLICATION_XML)
  public String b2mmlEquipment(@Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return b2mml.equipment(caller(sc), plant(plantId));
  }
}
