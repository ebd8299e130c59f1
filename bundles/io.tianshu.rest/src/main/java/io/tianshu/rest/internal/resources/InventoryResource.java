package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.LocationInput;
import io.tianshu.inventory.Movement;
import io.tianshu.inventory.MovementDocument;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.inventory.Warehouse;
import io.tianshu.inventory.WarehouseInput;
import io.tianshu.rest.RestApi;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.Consumes;
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

/** Warehouses and locations, stock on hand and the movement ledger. */
@Component(service = InventoryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InventoryResource {
  private static final Set<String> SORTABLE = Set.of("id", "code", "name");

  private final InventoryService inventory;

  @Activate
  public InventoryResource(@Reference InventoryService inventory) {
    this.inventory = inventory;
  }

  @GET
  @Path("warehouses")
  public Page<Warehouse> warehouses(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return inventory.listWarehouses(
        caller(sc), plantId, PageRequest.parse(offset, limit, sort, SORTABLE, "code"));
  }

  @POST
  @Path("warehouses")
  public Response createWarehouse(
      @Context SecurityContext sc, @Context UriInfo uri, WarehouseInput input) {
    Resources.body(input);
    Warehouse w = inventory.createWarehouse(caller(sc), input);
    return Resources.created(uri, w.id(), w);
  }

  @GET
  @Path("warehouses/{id}")
  public Warehouse warehouse(@Context SecurityContext sc, @PathParam("id") long id) {
    return inventory.getWarehouse(caller(sc), id);
  }

  @GET
  @Path("warehouses/{id}/locations")
  public Page<Location> locations(
      @Context SecurityContext sc,
      @PathParam("id") long id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("sort") String sort) {
    return inventory.listLocations(
        caller(sc), id, PageRequest.parse(offset, limit, sort, SORTABLE, "code"));
  }

  @POST
  @Path("warehouses/{id}/locations")
  public Response createLocation(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") long id,
      LocationInput input) {
    Resources.body(input);
    Location l = inventory.createLocation(caller(sc), id, input);
    return Resources.created(uri, l.id(), l);
  }

  /** Posts a movement; the answer is its document with every ledger line it wrote. */
  @POST
  @Path("stock/movements")
  public Response post(@Context SecurityContext sc, @Context UriInfo uri, MovementInput input) {
    Resources.body(input);
    MovementDocument doc = inventory.post(caller(sc), input);
    return Response.status(Response.Status.CREATED).entity(doc).build();
  }

  @GET
  @Path("stock/movements")
  public Page<Movement> movements(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("locationId") Long locationId,
      @QueryParam("status") String status,
      @QueryParam("lot") String lot,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return inventory.movements(
        caller(sc),
        filter(plantId, materialId, locationId, status, lot),
        PageRequest.parse(offset, limit, null, Set.of("id"), "id"));
  }

  @GET
  @Path("stock")
  public Page<StockBalance> stock(
      @Context SecurityContext sc,
      @QueryParam("plantId") Long plantId,
      @QueryParam("materialId") Long materialId,
      @QueryParam("locationId") Long locationId,
      @QueryParam("status") String status,
      @QueryParam("lot") String lot,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return inventory.stock(
        caller(sc),
        filter(plantId, materialId, locationId, status, lot),
        PageRequest.parse(offset, limit, null, Set.of("key"), "key"));
  }

  private static StockFilter filter(
      Long plantId, Long materialId, Long locationId, String status, String lot) {
    StockStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = StockStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        new Validation().add("status", "invalid_value", "unknown status / 状态无效").throwIfInvalid();
      }
    }
    return new StockFilter(plantId, materialId, locationId, s, lot);
  }
}
