package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.resource.CalendarDayInfo;
import io.tianshu.resource.CalendarService;
import io.tianshu.resource.PlantCalendar;
import io.tianshu.resource.PlantCalendarInput;
import io.tianshu.resource.WorkCalendar;
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

/** Plant calendars (/calendars) and the questions planners ask of them. */
@Component(service = CalendarResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {
  private final CalendarService calendars;

  @Activate
  public CalendarResource(@Reference CalendarService calendars) {
    this.calendars = calendars;
  }

  @POST
  @Path("calendars")
  public Response create(
      @Context SecurityContext sc, @Context UriInfo uri, PlantCalendarInput input) {
    Resources.body(input);
    PlantCalendar c = calendars.create(caller(sc), input);
    return Resources.created(uri, c.id(), c);
  }

  @GET
  @Path("calendars")
  public Page<PlantCalendar> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return calendars.list(
        caller(sc), plantId, PageRequest.parse(offset, limit, sort, Set.of("id", "code"), "id"));
  }

  @GET
  @Path("calendars/{id}")
  public PlantCalendar get(@Context SecurityContext sc, @PathParam("id") long id) {
    return calendars.get(caller(sc), id);
  }

  @PUT
  @Path("calendars/{id}")
  public PlantCalendar update(
      @Context SecurityContext sc, @PathParam("id") long id, PlantCalendarInput input) {
    Resources.body(input);
    return calendars.update(caller(sc), id, input);
  }

  @DELETE
  @Path("calendars/{id}")
  public Response delete(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    calendars.delete(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  /** Each day in [from, to]: working or not, nominal and effective minutes. */
  @GET
  @Path("calendars/{id}/days")
  public List<CalendarDayInfo> days(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Validation v = new Validation();
    LocalDate f = Dates.required(v, "from", from);
    LocalDate t = Dates.required(v, "to", to);
    v.throwIfInvalid();
    return calendars.days(caller(sc), id, f, t);
  }

  /**
   * The working day {@code days} working days after (negative: before) {@code date}, and the
   * working days in between: how planning offsets a lead time.
   */
  @GET
  @Path("calendars/{id}/offset")
  public Map<String, Object> offset(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("date") String date,
      @QueryParam("days") Integer days) {
    Validation v = new Validation();
    LocalDate d = Dates.required(v, "date", date);
    v.required("days", days);
    if (days != null && Math.abs(days) > 3000) {
      v.add("days", "out_of_range", "at most 3000 / 不超过 3000");
    }
    v.throwIfInvalid();
    WorkCalendar calendar = calendars.workCalendar(caller(sc), id);
    LocalDate result;
    try {
      result = calendar.plusWorkingDays(d, days);
    } catch (IllegalStateException e) {
      throw new ValidationException(
          "days", "no_working_days", "the calendar has no working days / 日历没有工作日");
    }
    return Map.of("date", d, "days", days, "result", result);
  }

  @GET
  @Path("plants/{plantId}/calendar")
  public PlantCalendar plantDefault(
      @Context SecurityContext sc, @PathParam("plantId") long plantId) {
    return calendars.plantDefault(caller(sc), plantId);
  }
}
