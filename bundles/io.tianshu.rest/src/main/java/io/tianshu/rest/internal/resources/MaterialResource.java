package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
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

/** Materials: list with filters, paging and sorting; create, read, update, delete. */
@Component(service = MaterialResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MaterialResource {
  private final MasterDataService masterData;

  @Activate
  public MaterialResource(@Reference MasterDataService masterData) {
    this.masterData = masterData;
  }

  @GET
  public Page<Material> list(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("q") String q,
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    Validation v = new Validation();
    MaterialType t = parse(v, "type", type, MaterialType.class);
    MaterialStatus s = parse(v, "status", status, MaterialStatus.class);
    v.throwIfInvalid();
    return masterData.listMaterials(
        caller(sc),
        new MaterialFilter(plantId, q, t, s),
        PageRequest.parse(offset, limit, sort, MasterDataService.MATERIAL_SORTABLE, "code"));
  }

  @POST
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, MaterialInput input) {
    Resources.body(input);
    Material m = masterData.createMaterial(caller(sc), input);
    return Resources.created(uri, m.id(), m);
  }

  @GET
  @Path("{id}")
  public Material get(@Context SecurityContext sc, @PathParam("id") long id) {
    return masterData.getMaterial(caller(sc), id);
  }

  @PUT
  @Path("{id}")
  public Material update(
      @Context SecurityContext sc, @PathParam("id") long id, MaterialInput input) {
    Resources.body(input);
    return masterData.updateMaterial(caller(sc), id, input);
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    masterData.deleteMaterial(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  private static <E extends Enum<E>> E parse(
      Validation v, String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(field, "invalid_value", "unknown value / 取值无效");
      return null;
    }
  }
}
