package io.tianshu.rest.internal.resources;

import io.tianshu.rest.RestApi;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** GET /openapi.json: the OpenAPI 3 document generated from these resources at build time. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("openapi.json")
public class OpenApiResource {
  private final byte[] document;

  @Activate
  public OpenApiResource() throws IOException {
    try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IOException("openapi.json is missing from the bundle");
      }
      document = in.readAllBytes();
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] get() {
    return document;
  }
}
