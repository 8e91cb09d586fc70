package dev.novatrace.project;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.Map;
import java.util.Optional;

/**
 * The status an API controller method answers with, read the same way for every project:
 * {@code @wsgi.response(202)} or {@code @wsgi.response(HTTPStatus.ACCEPTED)}; else the last
 * successful response it builds itself ({@code return webob.Response(status_int=202)}, new in
 * Nova's 2.101 for a volume attachment; a tag's 201 after the 204 of one that exists); else 200.
 * A response that answers an error ({@code 412} for a stale ETag) is the way a request fails,
 * not its answer.
 */
public final class ResponseCodes {
  /**
   * Python's {@code http.HTTPStatus} names the controllers use ({@code HTTPStatus.ACCEPTED},
   * {@code http_client.ACCEPTED}, {@code HTTPStatus.ACCEPTED.value}), by code.
   */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("OK", "200"), Map.entry("CREATED", "201"), Map.entry("ACCEPTED", "202"),
      Map.entry("NON_AUTHORITATIVE_INFORMATION", "203"), Map.entry("NO_CONTENT", "204"),
      Map.entry("RESET_CONTENT", "205"), Map.entry("PARTIAL_CONTENT", "206"),
      Map.entry("MULTIPLE_CHOICES", "300"), Map.entry("MOVED_PERMANENTLY", "301"),
      Map.entry("FOUND", "302"), Map.entry("SEE_OTHER", "303"), Map.entry("NOT_MODIFIED", "304"),
      Map.entry("TEMPORARY_REDIRECT", "307"), Map.entry("PERMANENT_REDIRECT", "308"),
      Map.entry("BAD_REQUEST", "400"), Map.entry("UNAUTHORIZED", "401"),
      Map.entry("FORBIDDEN", "403"), Map.entry("NOT_FOUND", "404"),
      Map.entry("METHOD_NOT_ALLOWED", "405"), Map.entry("NOT_ACCEPTABLE", "406"),
      Map.entry("CONFLICT", "409"), Map.entry("GONE", "410"),
      Map.entry("PRECONDITION_FAILED", "412"), Map.entry("REQUEST_ENTITY_TOO_LARGE", "413"),
      Map.entry("UNSUPPORTED_MEDIA_TYPE", "415"), Map.entry("INTERNAL_SERVER_ERROR", "500"),
      Map.entry("NOT_IMPLEMENTED", "501"), Map.entry("SERVICE_UNAVAILABLE", "503"));

  private ResponseCodes() {}

  /** How many helpers a controller method that returns what one answers is looked through. */
  private static final int HELPERS = 2;

  /** The status {@code f} answers with, as digits. */
  public static String of(FunctionInfo f) {
    return of(f, HELPERS);
  }

  private static String of(FunctionInfo f, int depth) {
    for (Expr d : f.decorators()) {
      if (d instanceof Expr.Call c && "response".equals(Names.simpleName(c.func()))
          && !c.args().isEmpty()) {
        Optional<String> code = code(c.args().get(0).value());
        if (code.isPresent()) {
          return code.get();
        }
      }
    }
    String[] built = {null};
    StatementWalker.forEach(f.ast().body(), s -> {
      Expr value = s instanceof Stmt.Return r ? r.value() : s instanceof Stmt.Assign a ? a.value()
          : null;
      if (value instanceof Expr.Call c && "Response".equals(Names.simpleName(c.func()))) {
        for (Arg arg : c.args()) {
          if ("status_int".equals(arg.keyword())) {
            code(arg.value()).filter(k -> k.compareTo("400") < 0).ifPresent(k -> built[0] = k);
          }
        }
      }
    });
    if (built[0] != null) {
      return built[0];
    }
    // return self._delete(req, id, body): the helper's answer is the method's.
    FunctionInfo helper = depth > 0 ? returnedHelper(f) : null;
    return helper == null ? "200" : of(helper, depth - 1);
  }

  /** The method of the same class whose result {@code f} returns last, or null. */
  private static FunctionInfo returnedHelper(FunctionInfo f) {
    var body = f.ast().body();
    if (f.owner() == null || body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.Return r)
        || !(r.value() instanceof Expr.Call c) || !(c.func() instanceof Expr.Attribute a)
        || !(a.value() instanceof Expr.Name self) || f.ast().params().isEmpty()
        || !self.id().equals(f.ast().params().get(0).name())) {
      return null;
    }
    return f.owner().methods().get(a.attr());
  }

  /** A status as written: a number, or a name of Python's HTTPStatus (its {@code .value} too). */
  private static Optional<String> code(Expr e) {
    if (e instanceof Expr.Constant k && k.kind() == Expr.ConstKind.NUMBER) {
      return Optional.of(k.value());
    }
    Expr named = e instanceof Expr.Attribute v && v.attr().equals("value") ? v.value() : e;
    return named instanceof Expr.Attribute a ? Optional.ofNullable(NAMES.get(a.attr()))
        : Optional.empty();
  }
}
