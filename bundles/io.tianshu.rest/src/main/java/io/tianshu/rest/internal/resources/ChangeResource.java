package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.change.ChangeInput;
import io.tianshu.change.ChangeService;
import io.tianshu.change.ChangeStatus;
import io.tianshu.change.EngineeringChange;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.rest.RestApi;
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

/**
 * Engineering change orders (/engineering-changes): draft, evaluate (impact), approve, reject,
 * cancel, release. Each step takes the version last read as {@code ?version=}.
 */
@Component(service = ChangeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("engineering-changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChangeResource {
  private final ChangeService changes;

  @Activate
  public ChangeResource(@Reference ChangeService changes) {
    this.changes = changes;
  }

  @POST
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, ChangeInput input) {
    Resources.body(input);
    EngineeringChange c = changes.create(caller(sc), input);
    return Resources.created(uri, c.id(), c);
  }

  @GET
  public Page<EngineeringChange> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("status") String status,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    ChangeStatus parsed = null;
    if (status != null && !status.isBlank()) {
      try {
        parsed = ChangeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        new Validation().add("status", "invalid_value", "unknown status / 状态无效").throwIfInvalid();
      }
    }
    return changes.list(
        caller(sc),
        plantId,
        parsed,
        PageRequest.parse(offset, limit, sort, Set.of("id", "number"), "id"));
  }

  @GET
  @Path("{id}")
  public EngineeringChange get(@Context SecurityContext sc, @PathParam("id") long id) {
    return changes.get(caller(sc), id);
  }

  @PUT
  @Path("{id}")
  public EngineeringChange update(
      @Context SecurityContext sc, @PathParam("id") long id, ChangeInput input) {
    Resources.body(input);
    return changes.update(caller(sc), id, input);
  }

  @POST
  @Path("{id}/evaluate")
  public EngineeringChange evaluate(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    return changes.evaluate(caller(sc), id, Resources.requireVersion(version));
  }

  @POST
  @Path("{id}/approve")
  public EngineeringChange approve(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    return changes.approve(caller(sc), id, Resources.requireVersion(version));
  }

  @POST
  @Path("{id}/reject")
  public EngineeringChange reject(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    return changes.reject(caller(sc), id, Resources.requireVersion(version));
  }

  @POST
  @Path("{id}/cancel")
  public EngineeringChange cancel(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    return changes.cancel(caller(sc), id, Resources.requireVersion(version));
  }

  /** Creates the new BOM and routing versions at the breakpoint, all or nothing. */
  @POST
  @Path("{id}/release")
  public EngineeringChange release(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    return changes.release(caller(sc), id, Resources.requireVersion(version));
  }
}
