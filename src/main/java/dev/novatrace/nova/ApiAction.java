package dev.novatrace.nova;

import dev.novatrace.index.FunctionInfo;
import java.util.List;

/**
 * One action the API offers: its canonical name, other names it answers to, the HTTP request
 * that triggers it, and the controller method it enters. {@code requestLabel} is what the client
 * sends ({@code pause}, {@code POST /servers}); {@code responseCode} is what the API answers.
 */
public record ApiAction(String name, List<String> aliases, String httpMethod, String path,
    String requestLabel, String responseCode, FunctionInfo entry) {

  public ApiAction {
    aliases = List.copyOf(aliases);
  }

  public boolean answersTo(String n) {
    return name.equals(n) || aliases.contains(n);
  }

  public ApiAction withName(String newName, List<String> newAliases) {
    return new ApiAction(newName, newAliases, httpMethod, path, requestLabel, responseCode, entry);
  }
}
