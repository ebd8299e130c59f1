package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.org.OrgUnitType;
import io.tianshu.rest.RestApi;
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

/** Plants (/plants) and the units inside them (/plants/{id}/units, /org-units/{id}). */
@Component(service = PlantResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlantResource {
  private final OrgService org;

  @Activate
  public PlantResource(@Reference OrgService org) {
    this.org = org;
  }

  @GET
  @Path("plants")
  public Page<OrgUnit> list(
      @Context SecurityContext sc,
      @QueryParam("q") String q,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return org.listPlants(
        caller(sc), q, PageRequest.parse(offset, limit, sort, OrgService.SORTABLE, "code"));
  }

  @POST
  @Path("plants")
  public Response createPlant(
      @Context SecurityContext sc, @Context UriInfo uri, OrgUnitInput input) {
    Resources.body(input);
    OrgUnitInput in =
        new OrgUnitInput(
            OrgUnitType.PLANT,
            input.code(),
            input.name(),
            input.nameEn(),
            input.parentId(),
            input.status(),
            null);
    OrgUnit created = org.create(caller(sc), in);
    return Resources.created(uri, created.id(), created);
  }

  @GET
  @Path("plants/{id}")
  public OrgUnit getPlant(@Context SecurityContext sc, @PathParam("id") long id) {
    OrgUnit u = org.get(caller(sc), id);
    if (u.type() != OrgUnitType.PLANT) {
      throw new io.tianshu.core.NotFoundException("Plant", id);
    }
    return u;
  }

  @PUT
  @Path("plants/{id}")
  public OrgUnit updatePlant(
      @Context SecurityContext sc, @PathParam("id") long id, OrgUnitInput input) {
    Resources.body(input);
    getPlant(sc, id);
    return org.update(caller(sc), id, input);
  }

  @DELETE
  @Path("plants/{id}")
  public Response deletePlant(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    getPlant(sc, id);
    org.delete(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  @GET
  @Path("plants/{id}/units")
  public Page<OrgUnit> units(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return Resources.page(org.listUnits(caller(sc), id), offset, limit);
  }

  /** Creates a workshop, line or work centre: {@code type} and {@code parentId} are required. */
  @POST
  @Path("org-units")
  public Response createUnit(
      @Context SecurityContext sc, @Context UriInfo uri, OrgUnitInput input) {
    Resources.body(input);
    OrgUnit created = org.create(caller(sc), input);
    return Resources.created(uri, created.id(), created);
  }

  @GET
  @Path("org-units/{id}")
  public OrgUnit getUnit(@Context SecurityContext sc, @PathParam("id") long id) {
    return org.get(caller(sc), id);
  }

  @PUT
  @Path("org-units/{id}")
  public OrgUnit updateUnit(
      @Context SecurityContext sc, @PathParam("id") long id, OrgUnitInput input) {
    Resources.body(input);
    return org.update(caller(sc), id, input);
  }

  @DELETE
  @Path("org-units/{id}")
  public Response deleteUnit(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    org.delete(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }
}
