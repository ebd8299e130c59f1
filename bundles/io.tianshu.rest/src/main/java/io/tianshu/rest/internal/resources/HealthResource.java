package io.tianshu.rest.internal.resources;

import io.tianshu.persistence.Database;
import io.tianshu.rest.RestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * GET /health: open, for load balancers and monitoring. It requires the other resources, so that it
 * is registered after them and UP means the API serves.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  /** How long one database check answers for: monitoring polls often, the database is shared. */
  private static final long CHECK_MILLIS = 2_000;

  private final Database database;
  private final Map<String, Object> up;
  private final Map<String, Object> down;
  private volatile long checkedAt;
  private volatile boolean available;

  @Activate
  public HealthResource(
      @Reference Database database,
      @Reference PlantResource plants,
      @Reference MaterialResource materials,
      @Reference UnitResource units,
      @Reference UserResource users,
      @Reference InventoryResource inventory,
      @Reference BomResource boms,
      @Reference SubstitutionGroupResource substitutionGroups,
      @Reference OpenApiResource openApi,
      BundleContext context) {
    this.database = database;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", context.getBundle().getVersion().toString());
    m.put("database", database.productName());
    m.put("schemaVersion", database.schemaVersion());
    m.put("status", "UP");
    this.up = Map.copyOf(m);
    m.put("status", "DOWN");
    this.down = Map.copyOf(m);
  }

  /** 200 UP while the database answers, 503 DOWN when it does not. */
  @GET
  public Response health() {
    long now = System.currentTimeMillis();
    if (now - checkedAt > CHECK_MILLIS) {
      available = database.isAvailable();
      checkedAt = now;
    }
    return available
        ? Response.ok(up).build()
        : Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(down).build();
  }
}
