// Tests derived-constructor `this` rules: use before super, double super, return values.
class Base {
  constructor() {
    this.base = true;
  }
}
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, "ok", typeof r, r && r.constructor && r.constructor.name);
  } catch (e) {
    console.log(label, "threw", e.constructor.name);
  }
}
attempt("this before super", () => {
  class D extends Base {
    constructor() {
      this.x = 1;
      super();
    }
  }
  return new D();
});
attempt("arrow this before super", () => {
  class D extends Base {
    constructor() {
      const f = () => this;
      try {
        f();
      } catch (e) {
        console.log("  inner arrow:", e.constructor.name);
      }
      super();
      console.log("  arrow after super:", f() === this, f().base);
    }
  }
  return new D();
});
attempt("no super call", () => {
  class D extends Base {
    constructor() {}
  }
  return new D();
});
attempt("super twice", () => {
  class D extends Base {
    constructor() {
      super();
      super();
    }
  }
  return new D();
});
attempt("return object without super", () => {
  class D extends Base {
    constructor() {
      return { replaced: true };
    }
  }
  const r = new D();
  console.log("  replaced:", r.replaced, r instanceof D);
  return r;
});
attempt("return undefined after super", () => {
  class D extends Base {
    constructor() {
      super();
      return undefined;
    }
  }
  return new D();
});
attempt("return primitive from derived", () => {
  class D extends Base {
    constructor() {
      super();
      return 42;
    }
  }
  return new D();
});
attempt("return primitive from base", () => {
  class B2 {
    constructor() {
      this.kept = true;
      return 42;
    }
  }
  const r = new B2();
  console.log("  kept:", r.kept);
  return r;
});
attempt("super in arrow", () => {
  class D extends Base {
    constructor() {
      const callSuper = () => super();
      callSuper();
      this.after = true;
    }
  }
  const r = new D();
  console.log("  flags:", r.base, r.after);
  return r;
});
attempt("field initializer sees base", () => {
  class D extends Base {
    field = this.base;
    constructor() {
      super();
      console.log("  field saw base:", this.field);
    }
  }
  return new D();
});
attempt("super args evaluated before this", () => {
  class D extends Base {
    constructor() {
      super(this.x);
    }
  }
  return new D();
});
