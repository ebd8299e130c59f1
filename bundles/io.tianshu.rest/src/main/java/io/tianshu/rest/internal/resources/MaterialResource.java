package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.bom.SubstitutionService;
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
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private final BomService boms;
  private final RoutingService routings;
  private final SubstitutionService substitutions;

  @Activate
  public MaterialResource(
      @Reference MasterDataService masterData,
      @Reference BomService boms,
      @Reference RoutingService routings,
      @Reference SubstitutionService substitutions) {
    this.masterData = masterData;
    this.boms = boms;
    this.routings = routings;
    this.substitutions = substitutions;
  }

  /** The material's routing in the plant valid at the date (default today). */
  @GET
  @Path("{id}/routing")
  public Routing routing(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("plantId") Long plantId,
      @QueryParam("date") String date) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    LocalDate d = Dates.optional(v, "date", date);
    v.throwIfInvalid();
    return routings.effective(caller(sc), id, plantId, d == null ? LocalDate.now() : d);
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

  @GET
  @Path("{id}/explosion")
  /**
   * Summarised (every component once, with its low-level code) or indented explosion of the
   * material's BOM at a date, in the BOM set of {@code plantId} (default: the material's plant).
   */
  public Map<String, Object> explosion(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("plantId") Long plantId,
      @QueryParam("view") String view,
      @QueryParam("date") String date,
      @QueryParam("quantity") Double quantity,
      @QueryParam("mode") String mode,
      @QueryParam("serial") String serial) {
    Validation v = new Validation();
    BomView parsedView = BomResource.view(v, view);
    LocalDate at = BomResource.date(v, date);
    String s = BomResource.serial(v, serial);
    double q = quantity == null ? 1 : quantity;
    if (!(q > 0) || Double.isInfinite(q)) {
      v.add("quantity", "not_positive", "must be greater than zero / 必须大于零");
    }
    String m = mode == null ? "summarised" : mode.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("summarised") && !m.equals("indented")) {
      v.add("mode", "invalid_value", "summarised or indented / 汇总或缩排");
    }
    v.throwIfInvalid();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("materialId", id);
    body.put("view", parsedView);
    body.put("date", at);
    body.put("quantity", q);
    body.put("mode", m);
    body.put("serial", s);
    List<?> items =
        m.equals("indented")
            ? boms.indented(caller(sc), id, plantId, parsedView, at, s, q, BomResource.MAX_ROWS)
            : boms.summarised(caller(sc), id, plantId, parsedView, at, s, q);
    body.put("items", items);
    return body;
  }

  @GET
  @Path("{id}/where-used")
  public Map<String, Object> whereUsed(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("plantId") Long plantId,
      @QueryParam("view") String view,
      @QueryParam("date") String date,
      @QueryParam("levels") String levels,
      @QueryParam("serial") String serial) {
    Validation v = new Validation();
    BomView parsedView = BomResource.view(v, view);
    LocalDate at = BomResource.date(v, date);
    String s = BomResource.serial(v, serial);
    String l = levels == null ? "all" : levels.trim().toLowerCase(Locale.ROOT);
    if (!l.equals("all") && !l.equals("single")) {
      v.add("levels", "invalid_value", "single or all / 单层或多层");
    }
    v.throwIfInvalid();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("materialId", id);
    body.put("view", parsedView);
    body.put("date", at);
    body.put("serial", s);
    body.put("items", boms.whereUsed(caller(sc), id, plantId, parsedView, at, s, l.equals("all")));
    return body;
  }

  /**
   * The ordered options for covering {@code quantity} (default 1) of the material inside {@code
   * parentId}'s BOM at the date, for the customer and order if given, in the plant's set. USE_UP
   * groups take the primary's AVAILABLE stock from inventory.
   */
  @GET
  @Path("{id}/substitutes")
  public Map<String, Object> substitutes(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("parentId") Long parentId,
      @QueryParam("quantity") Double quantity,
      @QueryParam("date") String date,
      @QueryParam("customer") String customer,
      @QueryParam("orderRef") String orderRef,
      @QueryParam("plantId") Long plantId) {
    Validation v = new Validation();
    LocalDate at = BomResource.date(v, date);
    double q = quantity == null ? 1 : quantity;
    if (!(q >= 0) || Double.isInfinite(q)) {
      v.add("quantity", "out_of_range", "must be zero or more / 须不小于零");
    }
    v.throwIfInvalid();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("materialId", id);
    body.put("parentId", parentId);
    body.put("date", at);
    body.put("quantity", q);
    body.put(
        "options",
        substitutions.options(caller(sc), id, parentId, q, at, customer, orderRef, plantId));
    return body;
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
