package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import java.util.List;

/** What the resolver knows an expression evaluates to. */
public sealed interface Value {

  record ModuleValue(ModuleInfo module) implements Value {}

  /** The class object itself ({@code objects.Instance}). */
  record ClassValue(ClassInfo cls) implements Value {}

  /**
   * An instance of a class ({@code self}, {@code rpcapi.ComputeAPI()}); {@code loaded} when it
   * is a row a query read ({@link Rows}), which writing back is no new record.
   */
  record InstanceValue(ClassInfo cls, boolean loaded) implements Value {
    public InstanceValue(ClassInfo cls) {
      this(cls, false);
    }
  }

  /** A function; {@code receiver} is the instance or class a method was looked up on, or null. */
  record FunctionValue(FunctionInfo function, Value receiver) implements Value {

    /** 1 when a method's receiver fills its first parameter (not a staticmethod's), else 0. */
    public int receiverOffset() {
      return function.owner() != null && receiver != null
          && !function.hasDecoratorNamed("staticmethod") ? 1 : 0;
    }

    /**
     * The class of the instance a method is called on, which may be a subclass of the one that
     * defines it (the libvirt driver running what it inherits); null for anything else.
     */
    public ClassInfo instanceClass() {
      return receiver instanceof InstanceValue iv ? iv.cls() : null;
    }
  }

  /** {@code super()} inside {@code current}, bound to an instance of {@code self}. */
  record SuperValue(ClassInfo current, ClassInfo self) implements Value {}

  /**
   * A flow of tasks, or an engine loaded with one ({@link TaskFlows}): running it runs the
   * tasks' method in this order.
   */
  record FlowValue(List<ClassInfo> tasks) implements Value {}

  /**
   * A collection whose elements are objects of these classes, as the code that fills it tells
   * ({@link ElementClasses}): a loop over it runs its body on an object of each.
   */
  record Elements(List<ClassInfo> classes, boolean loaded) implements Value {
    public Elements {
      classes = List.copyOf(classes);
    }

    public Elements(List<ClassInfo> classes) {
      this(classes, false);
    }
  }

  /**
   * An object of a client library the tree does not hold (ovsdbapp's northbound API, handed to
   * a helper of another module): its methods are requests to the client's service.
   */
  record ClientValue(TraceProfile.ClientModule client) implements Value {}

  /** A string known at trace time (policy names, action names, RPC method names). */
  record StringValue(String value) implements Value {}

  /** Nothing known. */
  record Unknown() implements Value {}

  Value UNKNOWN = new Unknown();

  /**
   * What type a value tells, as text ({@code nova.objects.instance.Instance}, {@code class X},
   * {@code flow of [A, B]}), or "" when it tells none: keys and node names of what a function
   * was called with.
   */
  static String typeText(Value v) {
    if (v instanceof FlowValue flow) {
      return "flow of " + flow.tasks().stream().map(ClassInfo::qualifiedName).toList();
    }
    if (v instanceof Elements held) {
      return (held.loaded() ? "rows of " : "elements of ")
          + held.classes().stream().map(ClassInfo::qualifiedName).toList();
    }
    if (v instanceof InstanceValue iv && iv.loaded()) {
      return "row of " + iv.cls().qualifiedName(); // a row read back writes no new record
    }
    if (v instanceof ClientValue c) {
      return "client of " + c.client().service();
    }
    return v instanceof InstanceValue iv ? iv.cls().qualifiedName()
        : v instanceof ClassValue cv ? "class " + cv.cls().qualifiedName() : "";
  }
}
