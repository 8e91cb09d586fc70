package dev.novatrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.novatrace.testing.JsonFields.names;

import com.fasterxml.jackson.databind.JsonNode;
import dev.novatrace.util.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code novatrace actions} run in-process on the Mitaka-shaped fixture tree. */
class ActionsCommandTest {
  private static final String MITAKA = "src/test/resources/fixtures/trace/mitaka";

  @Test
  void jsonNamesTheCoreEntryAndTheExtensionsThatAlsoRun() throws IOException {
    CliRun r = CliRun.run("actions", "--nova", MITAKA, "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode actions = Json.MAPPER.readTree(r.out()).get("actions");
    JsonNode boot = Json.MAPPER.readTree("{\"name\": \"boot\", \"aliases\": [\"servers-create\"], "
        + "\"method\": \"POST\", \"path\": \"/servers\", \"request\": \"POST /servers\", "
        + "\"file\": \"nova/api/openstack/compute/servers.py\", \"function\": \"create\", "
        + "\"extensions\": [\"nova/api/openstack/compute/disk_config.py "
        + "ServerDiskConfigController.create\"]}");
    assertEquals(boot, actions.get(0));
    assertEquals(names(boot), names(actions.get(0)));
    assertTrue(actions.findParents("function").stream().anyMatch(a -> a.get("function")
        .asText().equals("_pause") && a.get("extensions").isEmpty()), r.out());
  }

  @Test
  void textAddsTheExtensionsBriefly() {
    CliRun r = CliRun.run("actions", "--nova", MITAKA);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("rename (servers-update)  PUT /servers/{id}  "
        + "nova/api/openstack/compute/servers.py update()  + disk_config.py update()\n"), r.out());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertEquals(2, CliRun.run("actions", "--nova", MITAKA, "--format", "xml").code());
  }
}
