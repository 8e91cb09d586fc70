package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of one piece of code run on objects of several classes (a loop over a list that
 * holds them, {@link ElementClasses}), drawn once: classes that do the same are one branch, what
 * every class does alike is drawn once around a choice by class of what differs. Subclasses that
 * do something before calling the base class's method ({@code super().attach(...)}) are a choice
 * of those extra steps, followed by the base method's steps once.
 */
final class ClassBranches {
  private ClassBranches() {}

  /** A set of classes whose steps are the same. */
  private record Group(List<ClassInfo> classes, List<Step> steps) {}

  /**
   * The steps for {@code variable} holding an object of each of {@code classes} in turn, given
   * the steps traced for each ({@code traced}, in the same order).
   */
  static List<Step> of(String variable, List<ClassInfo> classes, List<List<Step>> traced,
      Step.Origin origin) {
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      List<Step> steps = traced.get(i);
      List<Step> shape = shapes(steps);
      Optional<Group> same = groups.stream().filter(g -> shapes(g.steps()).equals(shape))
          .findFirst();
      if (same.isPresent()) {
        same.get().classes().add(classes.get(i));
      } else {
        groups.add(new Group(new ArrayList<>(List.of(classes.get(i))), steps));
      }
    }
    return factored(variable, groups, origin);
  }

  private static List<Step> factored(String variable, List<Group> groups, Step.Origin origin) {
    if (groups.size() == 1) {
      return groups.get(0).steps();
    }
    Step.Local wrapper = commonWrapper(groups);
    if (wrapper != null) {
      // Every class runs the same helper (a loop body's _log_and_attach): choose inside it.
      List<Group> inner = groups.stream()
          .map(g -> new Group(g.classes(), ((Step.Local) g.steps().get(0)).steps())).toList();
      return List.of(new Step.Local(wrapper.participant(), wrapper.callee(),
          wrapper.noteWhenEmpty(), factored(variable, inner, origin), wrapper.origin()));
    }
    int prefix = commonPrefix(groups);
    List<Group> rest = groups.stream().map(g -> new Group(g.classes(),
        g.steps().subList(prefix, g.steps().size()))).toList();
    Step tail = commonTail(rest);
    List<Step.Branch> branches = new ArrayList<>();
    for (Group g : rest) {
      List<Step> middle = tail == null ? g.steps() : withoutTail(g.steps(), tail);
      if (!middle.isEmpty()) {
        branches.add(new Step.Branch(condition(variable, g.classes()), middle));
      }
    }
    List<Step> out = new ArrayList<>(groups.get(0).steps().subList(0, prefix));
    if (!branches.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.CHOICE, List.copyOf(branches), origin));
    }
    if (tail != null) {
      out.add(tail);
    }
    return List.copyOf(out);
  }

  /**
   * Steps as they compare between classes: where in the code each step is written is left out
   * but the function's name, so two subclasses whose own methods make the same calls in the
   * same order ({@code _create_volume} from an image's or a blank volume's {@code attach}) are
   * one branch. The branch keeps the first class's anchors.
   */
  private static List<Step> shapes(List<Step> steps) {
    return steps.stream().map(ClassBranches::shape).toList();
  }

  private static Step shape(Step s) {
    return placed(s).mapChildren(ClassBranches::shapes);
  }

  /** The step with its own places left out (a helper's callee too); what it holds as it is. */
  private static Step placed(Step s) {
    if (s instanceof Step.Message m) {
      return new Step.Message(m.from(), m.to(), m.label(), m.kind(), m.effect(),
          place(m.origin()), m.fields(), "", m.background());
    } else if (s instanceof Step.Note n) {
      return new Step.Note(n.participant(), n.text(), place(n.origin()));
    } else if (s instanceof Step.Block b) {
      return new Step.Block(b.kind(), b.branches(), place(b.origin()));
    } else if (s instanceof Step.Invocation i) {
      return new Step.Invocation(i.from(), i.to(), i.label(), i.kind(), i.steps(),
          place(i.origin()));
    } else if (s instanceof Step.Cast c) {
      return new Step.Cast(c.from(), c.to(), c.label(), c.steps(), place(c.origin()));
    } else if (s instanceof Step.Local l) {
      return new Step.Local(l.participant(), place(l.callee()), l.noteWhenEmpty(), l.steps(),
          place(l.origin()));
    }
    return new Step.Frame(place(s.origin()));
  }

  private static Step.Origin place(Step.Origin o) {
    return new Step.Origin("", 0, o.function());
  }

  /** {@code device is a DriverVolImageBlockDevice or DriverVolBlankBlockDevice}. */
  static String condition(String variable, List<ClassInfo> classes) {
    return variable + " is a "
        + classes.stream().map(ClassInfo::name).collect(Collectors.joining(" or "));
  }

  /** The helper every group's steps are, alone, when it is the same call; else null. */
  private static Step.Local commonWrapper(List<Group> groups) {
    Step.Local first = null;
    for (Group g : groups) {
      if (g.steps().size() != 1 || !(g.steps().get(0) instanceof Step.Local l)
          || first != null && !sameCall(first, l)) {
        return null;
      }
      first = first == null ? l : first;
    }
    return first;
  }

  private static boolean sameCall(Step.Local a, Step.Local b) {
    return a.participant().equals(b.participant()) && a.callee().equals(b.callee())
        && a.noteWhenEmpty() == b.noteWhenEmpty() && a.origin().equals(b.origin());
  }

  private static int commonPrefix(List<Group> groups) {
    int n = 0;
    while (true) {
      int at = n;
      List<Step> first = groups.get(0).steps();
      if (at >= first.size() || groups.stream().anyMatch(g -> at >= g.steps().size() - 1
          || !g.steps().get(at).equals(first.get(at)))) {
        return n;
      }
      n++;
    }
  }

  /**
   * The last step all groups end with, as seen through the helpers that end them: a subclass's
   * method ends with the base method it calls ({@code super().attach(...)}), which is the whole
   * of what the base class does. The outermost such step; null when there is none.
   */
  private static Step commonTail(List<Group> groups) {
    for (Step candidate : lastSteps(groups.get(0).steps())) {
      if (groups.stream().allMatch(g -> lastSteps(g.steps()).stream()
          .anyMatch(x -> alike(x, candidate)))) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The same step, where a helper is the same call wherever it is called from: the base
   * method run directly and through a subclass's {@code super()} call.
   */
  private static boolean alike(Step a, Step b) {
    return a instanceof Step.Local x && b instanceof Step.Local y
        ? x.participant().equals(y.participant()) && x.callee().equals(y.callee())
            && x.steps().equals(y.steps())
        : a.equals(b);
  }

  /** The last step, and within a helper that is last, its last step, and so on. */
  private static List<Step> lastSteps(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    List<Step> at = steps;
    while (!at.isEmpty()) {
      Step last = at.get(at.size() - 1);
      out.add(last);
      at = last instanceof Step.Local l ? l.steps() : List.of();
    }
    return out;
  }

  /** The steps without {@code tail} at their end, a helper left empty by it dropped. */
  private static List<Step> withoutTail(List<Step> steps, Step tail) {
    if (steps.isEmpty()) {
      return steps;
    }
    Step last = steps.get(steps.size() - 1);
    List<Step> out = new ArrayList<>(steps.subList(0, steps.size() - 1));
    if (alike(last, tail)) {
      return List.copyOf(out);
    }
    if (last instanceof Step.Local l) {
      List<Step> inner = withoutTail(l.steps(), tail);
      if (!inner.isEmpty()) {
        out.add(new Step.Local(l.participant(), l.callee(), false, inner, l.origin()));
      }
    } else {
      out.add(last);
    }
    return List.copyOf(out);
  }
}
