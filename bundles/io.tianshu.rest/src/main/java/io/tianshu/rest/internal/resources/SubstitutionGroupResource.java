package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.bom.SubstitutionGroupInput;
import io.tianshu.bom.SubstitutionService;
import io.tianshu.core.Page;
import io.tianshu.rest.RestApi;
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

/**
 * Substitution groups (/substitution-groups); a material's substitutes are under /materials/{id}.
 */
@Component(service = SubstitutionGroupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("substitution-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubstitutionGroupResource {
  private final SubstitutionService substitutions;

  @Activate
  public SubstitutionGroupResource(@Reference SubstitutionService substitutions) {
    this.substitutions = substitutions;
  }

  @POST
  public Response create(
      @Context SecurityContext sc, @Context UriInfo uri, SubstitutionGroupInput input) {
    Resources.body(input);
    StoredSubstitutionGroup g = substitutions.create(caller(sc), input);
    return Resources.created(uri, g.id(), g);
  }

  /** Groups of the group and the readable plants, optionally of one component and one plant. */
  @GET
  public Page<StoredSubstitutionGroup> list(
      @Context SecurityContext sc,
      @QueryParam("componentMaterialId") Long componentMaterialId,
      @QueryParam("plantId") Long plantId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return Resources.page(
        substitutions.list(caller(sc), componentMaterialId, plantId), offset, limit);
  }

  @GET
  @Path("{id}")
  public StoredSubstitutionGroup get(@Context SecurityContext sc, @PathParam("id") long id) {
    return substitutions.get(caller(sc), id);
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    substitutions.delete(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }
}
