package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.rest.RestApi;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingInput;
import io.tianshu.routing.RoutingSchedule;
import io.tianshu.routing.RoutingService;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

/** Routing versions (/routings) and their schedules; a material's routing is under /materials. */
@Component(service = RoutingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingResource {
  private final RoutingService routings;

  @Activate
  public RoutingResource(@Reference RoutingService routings) {
    this.routings = routings;
  }

  @POST
  @Path("routings")
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, RoutingInput input) {
    Resources.body(input);
    Routing r = routings.create(caller(sc), input);
    return Resources.created(uri, r.id(), r);
  }

  @GET
  @Path("routings")
  public Page<Routing> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return routings.list(
        caller(sc),
        plantId,
        materialId,
        PageRequest.parse(offset, limit, sort, Set.of("id", "revision", "validFrom"), "id"));
  }

  @GET
  @Path("routings/{id}")
  public Routing get(@Context SecurityContext sc, @PathParam("id") long id) {
    return routings.get(caller(sc), id);
  }

  @DELETE
  @Path("routings/{id}")
  public Response delete(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    routings.delete(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  /** Lead time in working minutes, each operation's window and slack, the critical path. */
  @GET
  @Path("routings/{id}/schedule")
  public RoutingSchedule schedule(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("quantity") Double quantity) {
    return routings.schedule(caller(sc), id, quantity == null ? 1 : quantity);
  }
}
