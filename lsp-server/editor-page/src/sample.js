// What the page shows before a file is opened: a small module that uses a typedef, a grouping and an import.
export const sample = {
  name: 'example-system.yang',
  text: `module example-system {
  yang-version 1.1;
  namespace "urn:example:system";
  prefix sys;

  typedef percent {
    type uint8 {
      range "0..100";
    }
    description "A share of something, in percent.";
  }

  grouping threshold {
    leaf warning { type percent; }
    leaf critical { type percent; }
  }

  container system {
    leaf hostname { type string; }
    container disk {
      uses threshold;
    }
  }
}
`,
};
