import { describe, expect, it } from "vitest";
import { formatMetrics } from "./exposition";

describe("formatMetrics", () => {
  it("writes HELP, TYPE and labelled samples", () => {
    const text = formatMetrics([
      { name: "berth_host_up", help: "1 when the host answers", type: "gauge", samples: [{ labels: { host: "local" }, value: 1 }] },
      { name: "berth_up", help: "Always 1", type: "gauge", samples: [{ value: 1 }] },
    ]);
    expect(text).toBe(
      [
        "# HELP berth_host_up 1 when the host answers",
        "# TYPE berth_host_up gauge",
        'berth_host_up{host="local"} 1',
        "# HELP berth_up Always 1",
        "# TYPE berth_up gauge",
        "berth_up 1",
        "",
      ].join("\n"),
    );
  });

  it("escapes quotes, backslashes and newlines in label values", () => {
    const text = formatMetrics([
      { name: "m", help: "h", type: "gauge", samples: [{ labels: { reason: 'say "hi"\\\n' }, value: 2 }] },
    ]);
    expect(text).toContain('m{reason="say \\"hi\\"\\\\\\n"} 2');
  });
});
