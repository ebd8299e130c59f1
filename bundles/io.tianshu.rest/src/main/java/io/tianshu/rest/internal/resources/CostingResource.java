package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.ValidationException;
import io.tianshu.execution.CostingService;
import io.tianshu.execution.MaterialPrice;
import io.tianshu.execution.MaterialPriceInput;
import io.tianshu.execution.OverheadRule;
import io.tianshu.execution.OverheadRulesInput;
import io.tianshu.execution.WorkCenterRate;
import io.tianshu.execution.WorkCenterRateInput;
import io.tianshu.execution.WorkOrderCost;
import io.tianshu.rest.RestApi;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** Material prices, work centre rates, overhead rules and the actual cost of work orders. */
@Component(service = CostingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CostingResource {
  private final CostingService costing;

  @Activate
  public CostingResource(@Reference CostingService costing) {
    this.costing = costing;
  }

  /** Adds a price or replaces the one with the same plant, material and start. */
  @PUT
  @Path("material-prices")
  public MaterialPrice setPrice(@Context SecurityContext sc, MaterialPriceInput in) {
    Resources.body(in);
    return costing.setMaterialPrice(caller(sc), in);
  }

  /** Prices of a plant; of one material; only those in effect on {@code date} (yyyy-mm-dd). */
  @GET
  @Path("material-prices")
  public List<MaterialPrice> prices(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("date") String date) {
    return costing.materialPrices(caller(sc), plant(plantId), materialId, date(date));
  }

  @PUT
  @Path("work-center-rates")
  public WorkCenterRate setRate(@Context SecurityContext sc, WorkCenterRateInput in) {
    Resources.body(in);
    return costing.setWorkCenterRate(caller(sc), in);
  }

  @GET
  @Path("work-center-rates")
  public List<WorkCenterRate> rates(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return costing.workCenterRates(caller(sc), plant(plantId));
  }

  /** Replaces the plant's overhead rules with the list in the body. */
  @PUT
  @Path("overhead-rules")
  public List<OverheadRule> setRules(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId, List<OverheadRule> rules) {
    Resources.body(rules);
    return costing.setOverheadRules(caller(sc), new OverheadRulesInput(plant(plantId), rules));
  }

  @GET
  @Path("overhead-rules")
  public List<OverheadRule> rules(
      @Context SecurityContext sc, @QueryParam("plantId") Long plantId) {
    return costing.overheadRules(caller(sc), plant(plantId));
  }

  /** Computes the order's actual cost now and stores it (planners). */
  @POST
  @Path("work-orders/{id}/cost")
  public WorkOrderCost computeAndStore(@Context SecurityContext sc, @PathParam("id") long id) {
    return costing.computeAndStore(caller(sc), id);
  }

  /**
   * The stored cost of the order ({@code stored: true}); when none is stored, or with {@code
   * fresh=true}, the cost computed now and not kept.
   */
  @GET
  @Path("work-orders/{id}/cost")
  public WorkOrderCost cost(
      @Context SecurityContext sc, @PathParam("id") long id, @QueryParam("fresh") boolean fresh) {
    if (!fresh) {
      var stored = costing.stored(caller(sc), id);
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    return costing.compute(caller(sc), id);
  }

  private static long plant(Long plantId) {
    if (plantId == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    return plantId;
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new ValidationException("date", "invalid", "yyyy-mm-dd / 日期格式无效");
    }
  }
}
