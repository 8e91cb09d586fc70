package dev.novatrace.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.python.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which broken files a route that missed some modules needed. */
class BrokenFilesTest {

  private static final BrokenFiles BROKEN = BrokenFiles.of(List.of(
      BrokenFiles.failed(new Diagnostic("nova/compute/manager.py", 12, 4, "invalid syntax"), true),
      BrokenFiles.failed(new Diagnostic("nova/objects/instance.py", 1, 0, "cannot read file: x"),
          false),
      BrokenFiles.notListed("nova/virt/libvirt", "cannot read: permission denied"),
      // The same path again: its first problem is the one told.
      BrokenFiles.notListed("nova/compute/manager.py", "later")));

  private static List<String> missed(Set<String> modules, Set<String> packages) {
    return BROKEN.missedBy(modules, packages).stream().map(BrokenFiles.Missed::text).toList();
  }

  @Test
  void aMissedModuleNeedsItsFileAndNoOther() {
    assertEquals(List.of("nova/compute/manager.py did not parse (line 12: invalid syntax)"),
        missed(Set.of("nova.compute.manager", "oslo_log.log", "nova.compute.api.LOG"), Set.of()));
    assertEquals(List.of(), missed(Set.of("nova.compute", "nova.compute.manager_utils"),
        Set.of()));
  }

  @Test
  void aFolderThatCouldNotBeListedHoldsEveryModuleBelowIt() {
    assertEquals(List.of("nova/virt/libvirt was not read (cannot read: permission denied)"),
        missed(Set.of("nova.virt.libvirt.driver"), Set.of()));
    assertEquals(List.of(), missed(Set.of("nova.virt.libvirt_utils", "nova.virt"), Set.of()));
  }

  @Test
  void aClassRegisteredNowhereMayBeInAnyMissingModuleOfItsPackage() {
    assertEquals(List.of("nova/objects/instance.py was skipped (cannot read file: x)"),
        missed(Set.of(), Set.of("nova.objects")));
    assertEquals(List.of("nova/virt/libvirt was not read (cannot read: permission denied)"),
        missed(Set.of(), Set.of("nova.virt")));
    assertEquals(List.of(), missed(Set.of(), Set.of("nova.network")));
  }

  @Test
  void aFileIsHeldByItselfOrAFolderAboveIt() {
    assertEquals(Optional.of("nova/virt/libvirt"), BROKEN.holding("nova/virt/libvirt/driver.py"));
    assertEquals(Optional.of("nova/compute/manager.py"),
        BROKEN.holding("nova/compute/manager.py"));
    assertEquals(Optional.empty(), BROKEN.holding("nova/virt/libvirt_x/driver.py"));
    assertEquals(List.of("nova/virt/libvirt"), BROKEN.under("nova/virt"));
  }
}
