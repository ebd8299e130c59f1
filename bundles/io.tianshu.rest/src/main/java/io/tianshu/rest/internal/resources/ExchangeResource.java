package io.tianshu.rest.internal.resources;

import static io.tianshu.rest.internal.resources.Resources.caller;

import io.tianshu.exchange.ExchangeService;
import io.tianshu.exchange.ImportReport;
import io.tianshu.rest.RestApi;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Bulk import and export in the exchange format (docs/exchange.md). */
@Component(service = ExchangeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("exchange")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeResource {
  private final ExchangeService exchange;

  @Activate
  public ExchangeResource(@Reference ExchangeService exchange) {
    this.exchange = exchange;
  }

  /** Imports a document; all or nothing, every error listed with its JSON path. */
  @POST
  @Path("import")
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportReport importDocument(
      @Context SecurityContext sc, @QueryParam("dryRun") boolean dryRun, InputStream body) {
    return exchange.importDocument(caller(sc), body, dryRun);
  }

  /**
   * Imports a CSV list ({@code section} materials, stock, planParameters, forecasts, salesOrders or
   * receipts); errors name their line.
   */
  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public ImportReport importCsv(
      @Context SecurityContext sc,
      @QueryParam("section") String section,
      @QueryParam("dryRun") boolean dryRun,
      InputStream body) {
    return exchange.importCsv(
        caller(sc), section, new InputStreamReader(body, StandardCharsets.UTF_8), dryRun);
  }

  /** The records of one plant (with the group's) or of every plant the caller may read. */
  @GET
  @Path("export")
  public StreamingOutput export(@Context SecurityContext sc, @QueryParam("plant") String plant) {
    var caller = caller(sc);
    // Read before streaming, so that an unknown plant is a 404 and not a broken stream.
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    exchange.export(caller, plant, buffer);
    return out -> buffer.writeTo(out);
  }
}
