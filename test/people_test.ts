import {assert} from "chai";
import {personRow, personRows} from "../src/sync/people";

describe("people as sync rows hold them", function () {
  const maya = {name: "Maya Lindqvist", email: "maya@northstar.example.com"};
  const tom = {name: "", email: "tom@northstar.example.com"};

  it("gives everyone with an email, the name falling back to the email", function () {
    assert.deepEqual(personRows([maya, {name: "Guest", email: ""}, tom]), [
      {Name: "Maya Lindqvist", Email: "maya@northstar.example.com"},
      {Name: "tom@northstar.example.com", Email: "tom@northstar.example.com"},
    ]);
    assert.deepEqual(personRows("Maya Lindqvist"), [], "a name without an email is no person value");
    assert.deepEqual(personRows(undefined), []);
  });

  it("gives the first person with an email, from a people cell or a person record", function () {
    assert.deepEqual(personRow([{name: "Guest", email: ""}, maya]), {
      Name: "Maya Lindqvist",
      Email: "maya@northstar.example.com",
    });
    assert.deepEqual(personRow(tom), {Name: "tom@northstar.example.com", Email: "tom@northstar.example.com"});
    assert.isUndefined(personRow(""));
    assert.isUndefined(personRow(null));
  });
});
