package dev.novatrace.nova;

import dev.novatrace.project.ActionNames;
import dev.novatrace.project.ApiAction;
import dev.novatrace.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.util.UserError;
import dev.novatrace.testing.MiniNova;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Actions of the fixture tree, found from its ROUTE_LIST and @wsgi.action decorators. */
class ActionDiscoveryTest {
  private final Workspace ws = MiniNova.workspace();

  @Test
  void everyRoutedActionIsFoundOnceSortedByName() {
    assertEquals(List.of("attach-volume", "boot", "create-image", "delete", "evacuate", "list",
        "migrate", "migrate-live", "pause", "power-action", "rebuild", "rename", "start", "stop"),
        ws.actions().stream().map(ApiAction::name).toList());
  }

  @ParameterizedTest
  @CsvSource({
      "pause, POST, /servers/{id}/action, pause, 202, _pause",
      "start, POST, /servers/{id}/action, os-start, 202, _start_server",
      "migrate-live, POST, /servers/{id}/action, os-migrateLive, 202, _migrate_live",
      "migrate, POST, /servers/{id}/action, migrate, 202, _migrate",
      "evacuate, POST, /servers/{id}/action, evacuate, 202, _evacuate",
      "boot, POST, /servers, POST /servers, 202, create",
      "list, GET, /servers/detail, GET /servers/detail, 200, detail",
      "rename, PUT, /servers/{id}, PUT /servers/{id}, 200, update",
      "delete, DELETE, /servers/{id}, DELETE /servers/{id}, 204, delete",
  })
  void actionRequestAndEntry(String name, String http, String path, String request, String code,
      String entry) {
    ApiAction a = ws.action(name);
    assertEquals(List.of(http, path, request, code, entry),
        List.of(a.httpMethod(), a.path(), a.requestLabel(), a.responseCode(), a.entry().name()));
  }

  @ParameterizedTest
  @CsvSource({
      "servers-create, boot", "servers-detail, list", "servers-delete, delete",
      "servers-update, rename", "live-migrate, migrate-live"})
  void aliasesAnswerForTheirAction(String alias, String name) {
    assertEquals(name, ws.action(alias).name());
  }

  @Test
  void unknownActionIsAUserErrorNamingTheClosest() {
    UserError e = assertThrows(UserError.class, () -> ws.action("pauze"));
    assertTrue(e.getMessage().startsWith("unknown action 'pauze'; closest: pause, "),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "os-migrateLive, migrate-live", "getVNCConsole, get-vnc-console", "os-start, start",
      "add_host, add-host", "createBackup, create-backup", "os-resetState, reset-state",
      "pause, pause"})
  void apiNamesInKebabCase(String api, String kebab) {
    assertEquals(kebab, ActionNames.kebab(api));
  }
}
