package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomDifference;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.rest.RestApi;
import java.time.LocalDate;
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

/** BOM versions (/boms); explosions and where-used hang under /materials/{id}. */
@Component(service = BomResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BomResource {
  /** An indented explosion of a large product has millions of rows: one answer stops here. */
  static final int MAX_ROWS = 100_000;

  private final BomService boms;

  @Activate
  public BomResource(@Reference BomService boms) {
    this.boms = boms;
  }

  @POST
  @Path("boms")
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, BomInput input) {
    Resources.body(input);
    Bom b = boms.create(caller(sc), input);
    return Resources.created(uri, b.id(), b);
  }

  @GET
  @Path("boms")
  public Page<Bom> list(
      @Context SecurityContext sc,
      @QueryParam("parentMaterialId") Long parentMaterialId,
      @QueryParam("plantId") Long plantId,
      @QueryParam("view") String view,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    Validation v = new Validation();
    BomView parsed = view == null ? null : view(v, view);
    v.throwIfInvalid();
    return boms.list(
        caller(sc),
        parentMaterialId,
        plantId,
        parsed,
        PageRequest.parse(offset, limit, sort, Set.of("id", "revision", "validFrom"), "id"));
  }

  @GET
  @Path("boms/{id}")
  public Bom get(@Context SecurityContext sc, @PathParam("id") long id) {
    return boms.get(caller(sc), id);
  }

  /**
   * What changed from BOM version {@code id} to {@code other}: components added, removed, changed.
   */
  @GET
  @Path("boms/{id}/compare/{other}")
  public List<BomDifference> compare(
      @Context SecurityContext sc, @PathParam("id") long id, @PathParam("other") long other) {
    return BomDifference.between(boms.get(caller(sc), id), boms.get(caller(sc), other));
  }

  /** The body of PUT /boms/{id}/allocation. */
  public record AllocationInput(List<Long> plantIds, Long version) {}

  /**
   * Allocates a group BOM version to plants ({@code plantIds} empty: shared with every plant);
   * group administrators only.
   */
  @PUT
  @Path("boms/{id}/allocation")
  public Bom allocate(@Context SecurityContext sc, @PathParam("id") long id, AllocationInput in) {
    Resources.body(in);
    return boms.allocate(caller(sc), id, in.plantIds(), in.version());
  }

  @DELETE
  @Path("boms/{id}")
  public Response delete(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("version") Long version) {
    boms.delete(caller(sc), id, Resources.requireVersion(version));
    return Response.noContent().build();
  }

  static BomView view(Validation v, String view) {
    if (view == null || view.isBlank()) {
      return BomView.MANUFACTURING;
    }
    try {
      return BomView.valueOf(view.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add("view", "invalid_value", "unknown BOM view / BOM 视图无效");
      return null;
    }
  }

  /** An optional end-item serial: blank means none. */
  static String serial(Validation v, String serial) {
    if (serial == null || serial.isBlank()) {
      return null;
    }
    v.code("serial", serial.trim(), 32);
    return serial.trim();
  }

  /** The {@code date} parameter; today when absent. */
  static LocalDate date(Validation v, String date) {
    return date == null || date.isBlank() ? LocalDate.now() : Dates.optional(v, "date", date);
  }
}
