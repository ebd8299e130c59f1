package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.integration.IntegrationService;
import io.tianshu.integration.RouteFile;
import io.tianshu.integration.RouteInfo;
import io.tianshu.rest.RestApi;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The Camel routes of the server, read-only (group administrators): starting, stopping and
 * reloading are console commands, where the administrators of the installation work.
 */
@Component(service = IntegrationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("integration")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {
  private final IntegrationService integration;

  @Activate
  public IntegrationResource(@Reference IntegrationService integration) {
    this.integration = integration;
  }

  /** Every route with its state, source and exchange counters. */
  @GET
  @Path("routes")
  public List<RouteInfo> routes(@Context SecurityContext sc) {
    return integration.routes(caller(sc));
  }

  /** Every route file of the watched folder with its load status and last error. */
  @GET
  @Path("route-files")
  public List<RouteFile> routeFiles(@Context SecurityContext sc) {
    return integration.routeFiles(caller(sc));
  }
}
