import { describe, expect, it } from "vitest";
import { CreateInviteInput, NewPassword } from "./auth";
import {
  CreateMunicipalityInput,
  UpdateContactInput,
  UpdateMunicipalityInput,
  UpdateNeedInput,
} from "./profile-edits";

describe("access and profile-edit contract", () => {
  it("CreateMunicipalityInput takes a municipality without id or contacts, and checks the official code", () => {
    const partner = {
      kind: "partner",
      country: "SE",
      officialCode: "0780",
      names: { local: "Växjö" },
      region: { code: "07", name: "Kronoberg" },
    };
    expect(CreateMunicipalityInput.parse(partner)).toMatchObject({
      capacity: 1,
      status: "published",
    });
    expect(CreateMunicipalityInput.safeParse({ ...partner, id: "se-0780" }).success).toBe(false);
    expect(CreateMunicipalityInput.safeParse({ ...partner, contacts: [] }).success).toBe(false);
    const badCode = CreateMunicipalityInput.safeParse({ ...partner, officialCode: "78" });
    expect(badCode.error?.issues[0]?.path).toEqual(["officialCode"]);
  });

  it.each([
    [{}, false],
    [{ description: "New text" }, true],
    [{ population: null }, true],
    [{ kind: "hromada" }, false],
    [{ officialCode: "0781" }, false],
    [{ status: "draft" }, true],
  ])("UpdateMunicipalityInput %j parses: %s", (body, ok) => {
    expect(UpdateMunicipalityInput.safeParse(body).success).toBe(ok);
  });

  it("patch schemas apply no defaults, so unsent fields stay untouched", () => {
    expect(UpdateNeedInput.parse({ status: "met" })).toEqual({ status: "met" });
    expect(UpdateContactInput.parse({ role: null })).toEqual({ role: null });
  });

  it.each([
    [{ email: "a@example.org", role: "editor", municipalityId: "ua-1" }, true],
    [{ email: "a@example.org", role: "editor" }, false],
    [{ email: "a@example.org", role: "coordinator", municipalityId: "ua-1" }, false],
    [{ email: " a@example.org ", role: "coordinator" }, true],
  ])("CreateInviteInput %j parses: %s", (body, ok) => {
    expect(CreateInviteInput.safeParse(body).success).toBe(ok);
  });

  it.each([
    ["short", false],
    ["aaaaaaaaaaaaaaaa", false],
    ["a long enough passphrase", true],
  ])("NewPassword %j is accepted: %s", (password, ok) => {
    expect(NewPassword.safeParse(password).success).toBe(ok);
  });
});
