package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.AndonCallInput;
import io.tianshu.execution.AndonCallView;
import io.tianshu.execution.AndonNotification;
import io.tianshu.execution.AndonReport;
import io.tianshu.execution.AndonRule;
import io.tianshu.execution.AndonRuleInput;
import io.tianshu.execution.AndonService;
import io.tianshu.execution.AndonStatus;
import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.rest.RestApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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

/** Andon (安灯): calls from the floor, escalation ladders, escalation runs and statistics. */
@Component(service = AndonResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AndonResource {
  private static final Set<String> SORTABLE = Set.of("id", "raisedAt");

  private final AndonService andon;

  @Activate
  public AndonResource(@Reference AndonService andon) {
    this.andon = andon;
  }

  @GET
  @Path("andon-calls")
  public Page<AndonCallView> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("status") String status,
      @QueryParam("category") String category,
      @QueryParam("line") String line,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return andon.list(
        caller(sc),
        plantId,
        parse(AndonStatus.class, "status", status),
        parse(AndonCategory.class, "category", category),
        line,
        PageRequest.parse(offset, limit, sort, SORTABLE, "-id"));
  }

  @POST
  @Path("andon-calls")
  public Response raise(@Context SecurityContext sc, @Context UriInfo uri, AndonCallInput in) {
    Resources.body(in);
    AndonCallView v = andon.raise(caller(sc), in);
    return Resources.created(uri, v.id(), v);
  }

  @GET
  @Path("andon-calls/{id}")
  public AndonCallView get(@Context SecurityContext sc, @PathParam("id") long id) {
    return andon.get(caller(sc), id);
  }

  /** Body of {@code resolve}: what was done. */
  public record Action(String resolution) {}

  /** Needs no body (one sent is ignored). */
  @POST
  @Path("andon-calls/{id}/acknowledge")
  public AndonCallView acknowledge(@Context SecurityContext sc, @PathParam("id") long id) {
    return andon.acknowledge(caller(sc), id);
  }

  @POST
  @Path("andon-calls/{id}/resolve")
  public AndonCallView resolve(@Context SecurityContext sc, @PathParam("id") long id, Action body) {
    return andon.resolve(caller(sc), id, body == null ? null : body.resolution());
  }

  /** Needs no body (one sent is ignored). */
  @POST
  @Path("andon-calls/{id}/close")
  public AndonCallView close(@Context SecurityContext sc, @PathParam("id") long id) {
    return andon.close(caller(sc), id);
  }

  @GET
  @Path("andon-rules")
  public List<AndonRule> rules(@Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return andon.rules(caller(sc), requirePlant(plantId));
  }

  /** Replaces the plant's ladders with the array given (an empty array removes them). */
  @PUT
  @Path("andon-rules")
  public List<AndonRule> putRules(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      List<AndonRuleInput> rules) {
    long plant = requirePlant(plantId);
    return andon.putRules(caller(sc), plant, Resources.body(rules));
  }

  /**
   * Statistics of the calls raised in the period. {@code from} and {@code to} are instants ({@code
   * 2026-11-22T08:00:00Z}) or dates (UTC days, both inclusive).
   */
  @GET
  @Path("andon-statistics")
  public AndonReport statistics(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("line") String line) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    Instant start = instant(v, "from", from, false);
    Instant end = instant(v, "to", to, true);
    v.throwIfInvalid();
    return andon.statistics(caller(sc), plantId, start, end, line);
  }

  /**
   * Runs escalation now: of one plant (PLANT_ADMIN there) or, without {@code plantId}, of all
   * (group administrator). Returns the levels notified by this run.
   */
  @POST
  @Path("andon-escalations")
  public List<AndonNotification> escalate(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return andon.escalate(caller(sc), plantId, Instant.now());
  }

  private static long requirePlant(Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return plantId;
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
