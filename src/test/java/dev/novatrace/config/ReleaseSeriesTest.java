package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Git refs that name an OpenStack series, and those that do not. */
class ReleaseSeriesTest {
  @Test
  void aSeriesIsReadFromItsNameOrItsYear() {
    assertEquals(Optional.of("2020.2"), ReleaseSeries.of("victoria-eom"));
    assertEquals(Optional.of("2022.1"), ReleaseSeries.of("unmaintained/yoga"));
    assertEquals(Optional.of("2023.1"), ReleaseSeries.of("stable/2023.1"));
    assertEquals(Optional.of("2025.1"), ReleaseSeries.of("2025.1-eom"));
    assertEquals(Optional.empty(), ReleaseSeries.of("22.0.1"));
    assertEquals(Optional.empty(), ReleaseSeries.of("main"));
  }

  @Test
  void aTagOfASeriesBeforeDalmatianOrsInTheDeprecatedDefaults() {
    Policies p = Policies.of(java.util.List.of(), true);
    assertEquals(false, p.forRelease("nova", "victoria-eom").enforceNewDefaults());
    assertEquals(true, p.forRelease("nova", "2025.1-eom").enforceNewDefaults());
    assertEquals(false, p.forRelease("nova", "22.0.1").enforceNewDefaults());
    assertEquals(false, p.forRelease("cinder", "21.3.1").enforceNewDefaults());
    assertEquals(true, p.forRelease("cinder", "29.0.0").enforceNewDefaults());
  }
}
