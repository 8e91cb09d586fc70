package dev.novatrace.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.python.SourceParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a controller answers, as Nova and Cinder write it: a decorator with a number or an
 * {@code http.HTTPStatus} name, a response built in the body (its error answers left out), a
 * helper's answer returned, else 200.
 */
class ResponseCodesTest {
  private static final ClassInfo CONTROLLER = CodeIndex.build(List.of(
      SourceParser.parseString("cinder/api/v3/things.py", """
          from http import HTTPStatus

          from six.moves import http_client
          import webob

          from cinder.api.openstack import wsgi


          class ThingsController(wsgi.Controller):
              @wsgi.response(HTTPStatus.ACCEPTED)
              def create(self, req, body):
                  return {}

              @wsgi.response(http_client.NO_CONTENT)
              def delete(self, req, id):
                  pass

              @wsgi.response(202)
              def reset(self, req, id, body):
                  pass

              def update(self, req, id, body):
                  if not self._validate_etag(req, id):
                      return webob.Response(status_int=HTTPStatus.PRECONDITION_FAILED)
                  return {'thing': body}

              def update_all(self, req, id, body):
                  return webob.Response(status_int=HTTPStatus.ACCEPTED.value)

              def purge(self, req, id, body):
                  return self._purge(req, id)

              def _purge(self, req, id):
                  return webob.Response(status_int=HTTPStatus.ACCEPTED)

              def show(self, req, id):
                  return {'thing': id}
          """).module())).module("cinder.api.v3.things").orElseThrow()
      .classes().get("ThingsController");

  private static String code(String method) {
    return ResponseCodes.of(CONTROLLER.methods().get(method));
  }

  @Test
  void aDecoratorSaysTheAnswerAsANumberOrAnHttpStatusName() {
    assertEquals("202", code("create"));
    assertEquals("204", code("delete"));
    assertEquals("202", code("reset"));
  }

  @Test
  void aResponseBuiltInTheBodyIsTheAnswerButAnErrorIsTheWayItFails() {
    assertEquals("200", code("update"));
    assertEquals("202", code("update_all"));
  }

  @Test
  void aHelpersAnswerReturnedIsTheMethodsAndNothingSaidIs200() {
    assertEquals("202", code("purge"));
    assertEquals("200", code("show"));
  }
}
