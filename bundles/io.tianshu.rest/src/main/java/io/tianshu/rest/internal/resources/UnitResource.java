package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.Quantity;
import io.tianshu.core.Validation;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.MaterialGroup;
import io.tianshu.masterdata.UnitConversion;
import io.tianshu.masterdata.UnitOfMeasure;
import io.tianshu.rest.RestApi;
import java.math.BigDecimal;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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

/** Units of measure, conversions between them, and material groups. */
@Component(service = UnitResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {
  /** A conversion as sent by a client: {@code 1 fromUnit = factor toUnit}. */
  public record ConversionInput(
      String fromUnit, String toUnit, BigDecimal factor, Long materialId) {}

  private final MasterDataService masterData;

  @Activate
  public UnitResource(@Reference MasterDataService masterData) {
    this.masterData = masterData;
  }

  @GET
  @Path("units")
  public Page<UnitOfMeasure> units(
      @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
    return Resources.page(masterData.listUnits(), offset, limit);
  }

  @POST
  @Path("units")
  public Response createUnit(
      @Context SecurityContext sc, @Context UriInfo uri, UnitOfMeasure input) {
    Resources.body(input);
    UnitOfMeasure u = masterData.createUnit(caller(sc), input);
    return Resources.created(uri, u.id(), u);
  }

  @GET
  @Path("unit-conversions")
  public Page<UnitConversion> conversions(
      @Context SecurityContext sc,
      @QueryParam("materialId") Long materialId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return Resources.page(masterData.listConversions(caller(sc), materialId), offset, limit);
  }

  @POST
  @Path("unit-conversions")
  public Response createConversion(
      @Context SecurityContext sc, @Context UriInfo uri, ConversionInput in) {
    Resources.body(in);
    UnitConversion c =
        masterData.createConversion(
            caller(sc), in.fromUnit(), in.toUnit(), in.factor(), in.materialId());
    return Resources.created(uri, c.id(), c);
  }

  /** Converts e.g. {@code ?quantity=1.5&from=T&to=KG}, optionally with a material's own units. */
  @GET
  @Path("units/convert")
  public Quantity convert(
      @Context SecurityContext sc,
      @QueryParam("quantity") String quantity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("materialId") Long materialId) {
    Validation v = new Validation();
    BigDecimal value = null;
    try {
      value = quantity == null ? null : new BigDecimal(quantity);
    } catch (NumberFormatException e) {
      v.add("quantity", "not_a_number", "must be a decimal number / 必须是数字");
    }
    v.required("quantity", quantity).required("from", from).required("to", to);
    v.throwIfInvalid();
    return masterData.convert(caller(sc), new Quantity(value, from), to, materialId);
  }

  @GET
  @Path("material-groups")
  public Page<MaterialGroup> groups(
      @Context SecurityContext sc,
      @QueryParam("q") String q,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    List<MaterialGroup> all = masterData.listGroups(caller(sc));
    if (q != null && !q.isBlank()) {
      String needle = q.trim().toLowerCase(java.util.Locale.ROOT);
      all =
          all.stream()
              .filter(
                  g ->
                      g.code().toLowerCase(java.util.Locale.ROOT).contains(needle)
                          || g.name().toLowerCase(java.util.Locale.ROOT).contains(needle))
              .toList();
    }
    return Resources.page(all, offset, limit);
  }

  @POST
  @Path("material-groups")
  public Response createGroup(
      @Context SecurityContext sc, @Context UriInfo uri, MaterialGroup input) {
    Resources.body(input);
    MaterialGroup g = masterData.createGroup(caller(sc), input);
    return Resources.created(uri, g.id(), g);
  }
}
