"""Drives moltnetd's MCP endpoint with the official MCP Python SDK (mcp==2.3.0), as an agent would.

Run by Tests/MoltServerTests/MCP/MCPPythonSDKTests.swift:

    python mcp_session.py <config.json>

The config names the server and a genesis agent: {"base_url", "client_id", "client_secret", "token",
"seed_b64", "fingerprint", "public_key"}. Every check is an assertion; the script prints one JSON summary line
on success and exits non-zero (with the failing assertion) otherwise.
"""

import base64
import json
import sys
import urllib.request

import anyio
import httpx2
import jsonschema
import nacl.signing
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

EXPECTED_TOOLS = {
    "diary_create", "diary_get", "diary_list", "diary_search", "diary_update", "diary_delete", "diary_reflect",
    "crypto_prepare_signature", "crypto_submit_signature", "crypto_signing_status", "crypto_verify",
    "moltnet_whoami", "agent_lookup", "moltnet_vouch", "moltnet_vouchers", "moltnet_trust_graph",
    "public_feed_browse", "public_feed_read", "public_feed_search", "moltnet_info",
}


SCHEMAS = {}
"""Each tool's inputSchema, from tools/list: every call the script expects to succeed is checked against it."""


def client(url, headers, mode):
    """An MCP client on the Streamable HTTP transport with these headers on every request."""
    http = httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30.0))
    return Client(streamable_http_client(url, http_client=http), mode=mode, read_timeout_seconds=30)


def payload(result):
    """The JSON object of a tool result, checking that text and structured content agree."""
    assert len(result.content) == 1 and result.content[0].type == "text", result
    text = json.loads(result.content[0].text)
    assert result.structured_content == text, (result.structured_content, text)
    return text


async def call(mcp, name, arguments=None, error=False):
    if not error:
        jsonschema.validate(arguments or {}, SCHEMAS[name], cls=jsonschema.Draft202012Validator)
    result = await mcp.call_tool(name, arguments or {})
    assert result.is_error == error, f"{name}: is_error={result.is_error}: {result.content[0].text}"
    return payload(result)


def leaves(error):
    """The exceptions inside (nested) exception groups."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def rest(config, method, path, body=None):
    request = urllib.request.Request(
        config["base_url"] + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + config["token"], "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


async def anonymous(url, summary):
    """No credentials, default (auto) mode: the SDK's server/discover probe succeeds, so the session is
    stateless (2026-07-28)."""
    async with client(url, {}, "auto") as mcp:
        assert mcp.protocol_version == "2026-07-28", mcp.protocol_version
        assert mcp.server_info.name == "moltnet", mcp.server_info
        tools = await mcp.list_tools()
        names = {tool.name for tool in tools.tools}
        assert names == EXPECTED_TOOLS, names ^ EXPECTED_TOOLS
        for tool in tools.tools:
            jsonschema.Draft202012Validator.check_schema(tool.input_schema)
            assert tool.input_schema["type"] == "object", tool.name
            SCHEMAS[tool.name] = tool.input_schema
        create = next(tool for tool in tools.tools if tool.name == "diary_create")
        assert create.input_schema["required"] == ["diary_ref", "content"], create.input_schema
        assert create.input_schema["properties"]["importance"]["maximum"] == 10
        resources = await mcp.list_resources()
        assert {str(r.uri) for r in resources.resources} == {
            "moltnet://identity", "moltnet://diary/recent", "moltnet://self/whoami", "moltnet://self/soul"}
        templates = await mcp.list_resource_templates()
        assert {t.uri_template for t in templates.resource_templates} == {
            "moltnet://diary/{id}", "moltnet://agent/{fingerprint}"}
        prompts = await mcp.list_prompts()
        assert {p.name for p in prompts.prompts} == {"identity_bootstrap", "sign_message"}

        assert await call(mcp, "moltnet_whoami") == {"authenticated": False}
        info = await call(mcp, "moltnet_info")
        assert info["network"]["name"], info
        refused = await call(mcp, "diary_create", {"diary_ref": "x", "content": "hello"}, error=True)
        assert refused["error"].startswith("Not authenticated"), refused
        graph = await call(mcp, "moltnet_trust_graph")
        assert graph == {"edges": []}, graph
        try:
            await mcp.call_tool("no_such_tool", {})
            raise AssertionError("an unknown tool must be a protocol error")
        except MCPError as error:
            assert error.code == -32602, error
        try:
            await mcp.read_resource("moltnet://nothing/here")
            raise AssertionError("an unknown resource must be a protocol error")
        except MCPError as error:
            assert error.code == -32002, error
        identity = json.loads((await mcp.read_resource("moltnet://identity")).contents[0].text)
        assert identity == {"authenticated": False}, identity
    summary["anonymous"] = "ok"


async def agent(url, config, summary, mode):
    """The agent with X-Client-Id/X-Client-Secret: a whole working session, in the handshake era ("legacy")
    or the stateless one ("auto"). The first run starts from an agent without entries."""
    headers = {"X-Client-Id": config["client_id"], "X-Client-Secret": config["client_secret"]}
    name = f"MCP notes {mode}"
    diary = rest(config, "POST", "/diaries", {"name": name, "visibility": "private"})
    async with client(url, headers, mode) as mcp:
        assert mcp.protocol_version == ("2025-11-25" if mode == "legacy" else "2026-07-28"), mcp.protocol_version
        if mode == "legacy":
            await mcp.send_ping()
        me = await call(mcp, "moltnet_whoami")
        assert me["authenticated"] is True and me["identity"]["fingerprint"] == config["fingerprint"], me
        if "agent-legacy" not in summary:
            assert me["profile"] == {"whoami": None, "soul": None} and "hint" in me, me

        saved = await call(mcp, "diary_create", {
            "diary_ref": diary["id"], "content": "Deployed the search service behind the gateway.",
            "title": "deploy", "tags": ["ops", "deploy"], "importance": 7, "entry_type": "episodic"})
        assert saved["success"] is True and saved["message"] == "Memory saved", saved
        entry = saved["entry"]
        assert entry["importance"] == 7 and entry["tags"] == ["ops", "deploy"], entry
        await call(mcp, "diary_create", {"diary_ref": name, "content": "Ed25519 keys never leave the agent."})
        await call(mcp, "diary_create", {
            "diary_ref": diary["id"], "content": "I am a careful operations agent.", "entry_type": "identity",
            "tags": ["system", "identity"]})

        bad = await call(mcp, "diary_create", {"diary_ref": diary["id"], "content": "x", "importance": 11}, error=True)
        assert "importance" in bad["error"], bad
        bad = await call(mcp, "diary_create", {"diary_ref": diary["id"]}, error=True)
        assert bad["error"] == "Invalid arguments: content is required", bad
        bad = await call(mcp, "diary_get", {"diary_ref": diary["id"], "entry_id": "not-a-uuid"}, error=True)
        assert "entry_id must be a UUID" in bad["error"], bad
        missing = await call(mcp, "diary_get", {
            "diary_ref": diary["id"], "entry_id": "00000000-0000-4000-8000-000000000000"}, error=True)
        assert missing["error"] == "Entry not found", missing

        got = await call(mcp, "diary_get", {"diary_ref": diary["id"], "entry_id": entry["id"]})
        assert got["entry"]["content"] == entry["content"] and got["entry"]["accessCount"] == 1, got
        listed = await call(mcp, "diary_list", {"diary_ref": diary["id"], "limit": 2})
        assert listed["limit"] == 2 and listed["total"] == 3 and len(listed["items"]) == 2, listed
        tagged = await call(mcp, "diary_list", {"diary_ref": diary["id"], "tags": ["deploy"]})
        assert [item["id"] for item in tagged["items"]] == [entry["id"]], tagged
        found = await call(mcp, "diary_search", {"query": "gateway deploy"})  # the last run deleted its own
        # Hybrid search: the keyword match ranks first; vector neighbours may follow it.
        assert found["total"] >= 1 and found["results"][0]["id"] == entry["id"], found
        scoped = await call(mcp, "diary_search", {"diary_ref": diary["id"], "query": "keys", "limit": 5})
        assert scoped["results"][0]["content"] == "Ed25519 keys never leave the agent.", scoped
        changed = await call(mcp, "diary_update", {
            "diary_ref": diary["id"], "entry_id": entry["id"], "importance": 9, "tags": ["ops"]})
        assert changed["entry"]["importance"] == 9 and changed["entry"]["tags"] == ["ops"], changed
        digest = (await call(mcp, "diary_reflect", {"diary_ref": diary["id"], "days": 1}))["digest"]
        assert digest["totalEntries"] == 3 and digest["periodDays"] == 1, digest

        me = await call(mcp, "moltnet_whoami")
        assert me["profile"]["whoami"]["content"] == "I am a careful operations agent.", me

        voucher = (await call(mcp, "moltnet_vouch"))["voucher"]
        assert len(voucher["code"]) == 64 and voucher["issuedBy"] == config["fingerprint"], voucher
        active = await call(mcp, "moltnet_vouchers")
        assert voucher["code"] in [v["code"] for v in active["vouchers"]], active

        prepared = await call(mcp, "crypto_prepare_signature", {"message": "I vouch for this build.\n"})
        assert prepared["status"] == "pending" and prepared["message"] == "I vouch for this build.\n", prepared
        key = nacl.signing.SigningKey(base64.b64decode(config["seed_b64"]))
        signature = base64.b64encode(key.sign(base64.b64decode(prepared["signing_input"])).signature).decode()
        submitted = await call(mcp, "crypto_submit_signature", {
            "request_id": prepared["request_id"], "signature": signature})
        assert submitted["status"] == "completed" and submitted["valid"] is True, submitted
        again = await call(mcp, "crypto_submit_signature", {
            "request_id": prepared["request_id"], "signature": signature}, error=True)
        assert "already been completed" in again["error"], again
        status = await call(mcp, "crypto_signing_status", {"request_id": prepared["request_id"]})
        assert status["status"] == "completed" and status["valid"] is True, status
        verified = await call(mcp, "crypto_verify", {"signature": signature})
        assert verified["valid"] is True, verified
        looked = await call(mcp, "agent_lookup", {"fingerprint": config["fingerprint"].lower()})
        assert looked["agent"] == {"public_key": config["public_key"], "fingerprint": config["fingerprint"]}, looked

        identity = json.loads((await mcp.read_resource("moltnet://identity")).contents[0].text)
        assert identity == {"public_key": config["public_key"], "fingerprint": config["fingerprint"]}, identity
        whoami = json.loads((await mcp.read_resource("moltnet://self/whoami")).contents[0].text)
        assert whoami["exists"] is True and whoami["tags"] == ["system", "identity"], whoami
        soul = json.loads((await mcp.read_resource("moltnet://self/soul")).contents[0].text)
        assert soul == {"exists": False}, soul
        recent = json.loads((await mcp.read_resource("moltnet://diary/recent")).contents[0].text)
        assert [e["diaryId"] for e in recent["entries"][:3]] == [diary["id"]] * 3, recent
        one = json.loads((await mcp.read_resource(f"moltnet://diary/{diary['id']}")).contents[0].text)
        assert one["diary"]["name"] == name and len(one["entries"]) == 3, one
        profile = json.loads((await mcp.read_resource(f"moltnet://agent/{config['fingerprint']}")).contents[0].text)
        assert profile["public_key"] == config["public_key"], profile

        bootstrap = await mcp.get_prompt("identity_bootstrap")
        text = bootstrap.messages[0].content.text
        assert "Your whoami entry exists" in text and "no soul entry" in text, text
        how = await mcp.get_prompt("sign_message", {"message": "hello"})
        assert "crypto_prepare_signature" in how.messages[0].content.text
        try:
            await mcp.get_prompt("sign_message", {})
            raise AssertionError("sign_message without a message must be a protocol error")
        except MCPError as error:
            assert error.code == -32602, error

        deleted = await call(mcp, "diary_delete", {"diary_ref": diary["id"], "entry_id": entry["id"]})
        assert deleted == {"success": True, "message": "Entry deleted"}, deleted
        gone = await call(mcp, "diary_get", {"diary_ref": diary["id"], "entry_id": entry["id"]}, error=True)
        assert gone["error"] == "Entry not found", gone
        feed = await call(mcp, "public_feed_browse", {"limit": 5})
        assert feed == {"items": [], "nextCursor": None}, feed
        short = await call(mcp, "public_feed_search", {"query": "x"}, error=True)
        assert "query must be 2 to 200 characters long" in short["error"], short
    summary[f"agent-{mode}"] = "ok"
    summary["diary"] = diary["id"]
    summary["signing_request"] = prepared["request_id"]


async def refused(url, config, summary):
    """Bad credentials fail the connection with an MCP error, not a crash."""
    for headers, mode in (
        ({"X-Client-Id": config["client_id"], "X-Client-Secret": "wrong-secret"}, "legacy"),
        ({"X-Client-Id": config["client_id"], "X-Client-Secret": "wrong-secret"}, "auto"),
        ({"Authorization": "Bearer not.a.token"}, "legacy"),
        ({"Authorization": "Bearer not.a.token"}, "auto"),
    ):
        try:
            async with client(url, headers, mode) as mcp:
                await mcp.list_tools()
            raise AssertionError(f"connecting with {sorted(headers)} must fail")
        except BaseException as failure:  # the SDK raises the MCPError inside anyio exception groups
            assert any(isinstance(error, MCPError) for error in leaves(failure)), repr(failure)
    for mode in ("legacy", "auto"):
        async with client(url, {"Authorization": "Bearer " + config["token"]}, mode) as mcp:
            assert (await call(mcp, "moltnet_whoami"))["authenticated"] is True
    summary["refused"] = "ok"


async def main(path):
    with open(path) as file:
        config = json.load(file)
    url = config["base_url"] + "/mcp"
    summary = {}
    await anonymous(url, summary)
    await agent(url, config, summary, "legacy")
    await agent(url, config, summary, "auto")
    await refused(url, config, summary)
    print("SUMMARY " + json.dumps(summary, sort_keys=True), flush=True)


if __name__ == "__main__":
    anyio.run(main, sys.argv[1])
