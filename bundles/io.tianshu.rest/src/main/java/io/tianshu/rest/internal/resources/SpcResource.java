package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Validation;
import io.tianshu.quality.DefectPareto;
import io.tianshu.quality.LotHold;
import io.tianshu.quality.QualityStatistics;
import io.tianshu.quality.SpcChart;
import io.tianshu.quality.SpcChartQuery;
import io.tianshu.quality.SpcService;
import io.tianshu.quality.SpcSetting;
import io.tianshu.quality.SpcSettingInput;
import io.tianshu.rest.RestApi;
import java.time.LocalDate;
import java.util.List;
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
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** SPC charts from inspection results, SPC settings, lot holds and quality statistics. */
@Component(service = SpcResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpcResource {
  private final SpcService spc;

  @Activate
  public SpcResource(@Reference SpcService spc) {
    this.spc = spc;
  }

  /** A control chart of a characteristic (by code) of a material in a plant. */
  @GET
  @Path("spc/charts")
  public SpcChart chart(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("characteristic") String characteristic,
      @QueryParam("supplier") String supplier,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("last") Integer last,
      @QueryParam("chartType") String chartType,
      @QueryParam("ruleSet") String ruleSet) {
    Validation v = new Validation();
    LocalDate f = Dates.optional(v, "from", from);
    LocalDate t = Dates.optional(v, "to", to);
    v.throwIfInvalid();
    return spc.chart(
        caller(sc),
        new SpcChartQuery(
            plantId, materialId, characteristic, supplier, f, t, last, chartType, ruleSet));
  }

  @GET
  @Path("inspection-plans/{id}/characteristics/{code}/spc")
  public SpcSetting setting(
      @Context SecurityContext sc, @PathParam("id") long planId, @PathParam("code") String code) {
    return spc.getSetting(caller(sc), planId, code);
  }

  /** Puts the chart type, rule set, reaction and (optionally frozen) limits of a characteristic. */
  @PUT
  @Path("inspection-plans/{id}/characteristics/{code}/spc")
  public SpcSetting putSetting(
      @Context SecurityContext sc,
      @PathParam("id") long planId,
      @PathParam("code") String code,
      SpcSettingInput in) {
    Resources.body(in);
    return spc.putSetting(caller(sc), planId, code, in);
  }

  @GET
  @Path("inspection-lots/{id}/holds")
  public List<LotHold> holds(@Context SecurityContext sc, @PathParam("id") long lotId) {
    return spc.holds(caller(sc), lotId);
  }

  /** Body of {@code POST /inspection-lots/{id}/release-hold}. */
  public record Release(String reason) {}

  /** Releases the lot's open SPC holds (PLANNER, with a reason). */
  @POST
  @Path("inspection-lots/{id}/release-hold")
  public List<LotHold> releaseHold(
      @Context SecurityContext sc, @PathParam("id") long lotId, Release body) {
    Resources.body(body);
    return spc.releaseHolds(caller(sc), lotId, body.reason());
  }

  @GET
  @Path("quality-statistics")
  public QualityStatistics statistics(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("supplier") String supplier,
      @QueryParam("materialId") Long materialId) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    LocalDate f = Dates.optional(v, "from", from);
    LocalDate t = Dates.optional(v, "to", to);
    v.throwIfInvalid();
    return spc.statistics(caller(sc), plantId, f, t, groupBy, supplier, materialId);
  }

  @GET
  @Path("quality-statistics/pareto")
  public DefectPareto pareto(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("by") String by,
      @QueryParam("supplier") String supplier,
      @QueryParam("materialId") Long materialId) {
    Validation v = new Validation();
    v.required("plantId", plantId);
    LocalDate f = Dates.optional(v, "from", from);
    LocalDate t = Dates.optional(v, "to", to);
    v.throwIfInvalid();
    return spc.pareto(caller(sc), plantId, f, t, by, supplier, materialId);
  }
}
