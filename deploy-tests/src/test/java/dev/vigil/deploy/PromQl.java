package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it drops string literals, label
 * matchers, ranges, numbers and durations, the label lists of {@code by}, {@code without}, {@code
 * on}, {@code ignoring} and {@code group_left/right}, then takes every identifier that is neither a
 * function (followed by a parenthesis) nor a keyword.
 */
final class PromQl {

  private static final Pattern TOKEN =
      Pattern.compile(
          "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'" // strings
              + "|\\{[^}]*}" // label matchers, also Grafana's ${var}
              + "|\\[[^]]*]" // ranges and subqueries
              + "|\\$[A-Za-z_][A-Za-z0-9_]*" // Grafana variables
              + "|\\d[0-9.]*(?:[eE][+-]?\\d+)?[a-z]*" // numbers and durations
              + "|[A-Za-z_:][A-Za-z0-9_:]*" // identifiers
              + "|\\(|\\)|[^\\s()]");

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");

  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    Matcher m = TOKEN.matcher(expr);
    List<String> tokens = new ArrayList<>();
    while (m.find()) {
      tokens.add(m.group());
    }
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String lower = token.toLowerCase(Locale.ROOT);
      if (LABEL_LISTS.contains(lower)) {
        i = skipLabelList(tokens, i + 1);
      } else if (IDENTIFIER.matcher(token).matches()
          && !KEYWORDS.contains(lower)
          && !(i + 1 < tokens.size() && isCall(tokens.get(i + 1)))) {
        names.add(token);
      }
    }
    return names;
  }

  /** A function's argument list, or an aggregation's {@code by}/{@code without} clause. */
  private static boolean isCall(String next) {
    return next.equals("(") || Set.of("by", "without").contains(next.toLowerCase(Locale.ROOT));
  }

  /** The index of the closing parenthesis of the label list that starts at {@code from}. */
  private static int skipLabelList(List<String> tokens, int from) {
    if (from >= tokens.size() || !tokens.get(from).equals("(")) {
      return from - 1;
    }
    int i = from;
    while (i < tokens.size() && !tokens.get(i).equals(")")) {
      i++;
    }
    return i;
  }
}
