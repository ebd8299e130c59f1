package io.tianshu.rest.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.org.AccessService;
import io.tianshu.rest.RestApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * HTTP Basic against the Karaf JAAS realm. Only GET /health and GET /openapi.json are open. The
 * caller's plant grants become the request's {@link SecurityContext} principal, a {@link
 * CallerContext}.
 *
 * <p>A successful login is remembered for a minute under a hash of the credentials, so that a busy
 * client does not pay for a JAAS login (and a password hash) on every request; a wrong password is
 * never cached, and any change of users or grants through Tianshu clears the memory at once (an
 * edit of the realm behind Tianshu's back, e.g. with jaas: commands, takes up to a minute).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@PreMatching
public class BasicAuthFilter implements ContainerRequestFilter {
  static final String REALM = "karaf";
  private static final long TTL_MILLIS = 60_000;
  private static final int MAX_CACHED = 10_000;
  private static final Set<String> OPEN = Set.of("health", "openapi.json");

  private record Login(String username, Set<String> roles, long expires, long revision) {}

  private final AccessService access;
  private final Map<String, Login> logins = new ConcurrentHashMap<>();

  @Activate
  public BasicAuthFilter(@Reference AccessService access) {
    this.access = access;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    if ("GET".equals(request.getMethod()) && OPEN.contains(path)) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      request.abortWith(unauthorized("Authentication required / 需要登录"));
      return;
    }
    Login login = login(header.substring(6).trim());
    if (login == null) {
      request.abortWith(unauthorized("Wrong user name or password / 用户名或密码错误"));
      return;
    }
    if (!login.roles().contains(AccessService.GROUP_ADMIN_ROLE)
        && !login.roles().contains(AccessService.USER_ROLE)) {
      request.abortWith(Problems.of(403, "Forbidden", "Not a Tianshu user / 非天枢用户", List.of()));
      return;
    }
    CallerContext caller = access.callerFor(login.username(), login.roles());
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return caller;
          }

          @Override
          public boolean isUserInRole(String role) {
            return login.roles().contains(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
          }
        });
  }

  private Login login(String encoded) {
    String key = sha256(encoded);
    long now = System.currentTimeMillis();
    Login cached = logins.get(key);
    // Forget cached logins as soon as users or grants change through Tianshu.
    if (cached != null && cached.expires() > now && cached.revision() == access.revision()) {
      return cached;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String username = decoded.substring(0, colon);
    long revision = access.revision();
    char[] password = decoded.substring(colon + 1).toCharArray();
    Subject subject = new Subject();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(BasicAuthFilter.class.getClassLoader());
    try {
      LoginContext context =
          new LoginContext(
              REALM,
              subject,
              callbacks -> {
                for (Callback cb : callbacks) {
                  if (cb instanceof NameCallback n) {
                    n.setName(username);
                  } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password);
                  } else {
                    throw new UnsupportedCallbackException(cb);
                  }
                }
              });
      context.login();
    } catch (LoginException e) {
      return null;
    } finally {
      thread.setContextClassLoader(previous);
    }
    Set<String> roles = new HashSet<>();
    for (RolePrincipal r : subject.getPrincipals(RolePrincipal.class)) {
      roles.add(r.getName());
    }
    Login login = new Login(username, Set.copyOf(roles), now + TTL_MILLIS, revision);
    if (logins.size() >= MAX_CACHED) {
      logins.clear();
    }
    logins.put(key, login);
    return login;
  }

  private static Response unauthorized(String detail) {
    return Response.fromResponse(Problems.of(401, "Unauthorized", detail, List.of()))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tianshu\", charset=\"UTF-8\"")
        .build();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
