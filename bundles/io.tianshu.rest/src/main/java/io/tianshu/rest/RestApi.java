package io.tianshu.rest;

/** Names shared by the resources and extensions of the Tianshu JAX-RS application. */
public final class RestApi {
  /** The whiteboard application name every Tianshu resource selects. */
  public static final String APP_NAME = "tianshu";

  /** Filter for {@code osgi.jaxrs.application.select}. */
  public static final String APP_SELECT = "(osgi.jaxrs.name=" + APP_NAME + ")";

  /** Base path of the API, below the HTTP root. */
  public static final String BASE = "api/v1";

  public static final String PROBLEM_JSON = "application/problem+json";

  private RestApi() {}
}
