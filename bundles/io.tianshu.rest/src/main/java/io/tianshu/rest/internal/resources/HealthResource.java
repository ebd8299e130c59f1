package io.tianshu.rest.internal.resources;

import io.tianshu.persistence.Database;
import io.tianshu.rest.RestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
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
  private final Map<String, Object> body;

  @Activate
  public HealthResource(
      @Reference Database database,
      @Reference PlantResource plants,
      @Reference MaterialResource materials,
      @Reference UnitResource units,
      @Reference UserResource users,
      @Reference OpenApiResource openApi,
      BundleContext context) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "UP");
    m.put("version", context.getBundle().getVersion().toString());
    m.put("database", database.productName());
    m.put("schemaVersion", database.schemaVersion());
    this.body = Map.copyOf(m);
  }

  @GET
  public Map<String, Object> health() {
    return body;
  }
}
