package dev.vigil.vitals.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} against the configured API keys. The key goes
 * in the {@code Authorization} header, not a header of its own, so that a request one instance
 * forwards to another stays authenticated. Keys are compared in constant time.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final List<byte[]> keys;
  private final AuthenticationEntryPoint entryPoint;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  ApiKeyAuthenticationFilter(List<String> keys, AuthenticationEntryPoint entryPoint) {
    this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] presented =
        authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    int matched = -1;
    for (int i = 0; i < keys.size(); i++) {
      if (MessageDigest.isEqual(keys.get(i), presented)) {
        matched = i;
      }
    }
    if (matched < 0) {
      contexts.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "api-key-" + (matched + 1), null, AuthorityUtils.createAuthorityList("ROLE_API")));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
