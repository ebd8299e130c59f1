package io.tianshu.routing;

/**
 * One problem found by {@link RoutingNetwork#validate}: the operation it is about ({@code null} and
 * {@code index} −1 when it is not about one operation), a short snake_case {@code code} and a
 * message in English, then " / ", then Chinese.
 */
public record NetworkProblem(Integer opNo, int index, String code, String message) {}
