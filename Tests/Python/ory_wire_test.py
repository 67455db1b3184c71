"""Wire compatibility of moltnetd's admin listener with Ory, checked by Ory's own generated Python clients.

The official `ory-kratos-client`, `ory-hydra-client` and `ory-keto-client` 25.4.0 (generated from Ory's
v25.4.0 OpenAPI specs, pydantic-validated) drive every endpoint the embedded services serve. Run by
`OryWireCompatibilityTests` against a TestServer; by hand:

    scripts/python-ory.sh
    MOLTNET_ADMIN_URL=http://127.0.0.1:8001 MOLTNET_PUBLIC_URL=http://127.0.0.1:8000 \
        .moltnet/venv-ory/bin/python -m pytest -q Tests/Python/ory_wire_test.py

The same suite can run against real Ory by pointing both URLs at it (the genesis test needs moltnetd).
"""

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

import ory_hydra_client as hydra
import ory_keto_client as keto
import ory_kratos_client as kratos

ADMIN = os.environ["MOLTNET_ADMIN_URL"].rstrip("/")
PUBLIC = os.environ["MOLTNET_PUBLIC_URL"].rstrip("/")


def kratos_api():
    return kratos.IdentityApi(kratos.ApiClient(kratos.Configuration(host=ADMIN)))


def hydra_api():
    return hydra.OAuth2Api(hydra.ApiClient(hydra.Configuration(host=ADMIN)))


def keto_write():
    return keto.RelationshipApi(keto.ApiClient(keto.Configuration(host=ADMIN)))


def keto_read():
    return keto.PermissionApi(keto.ApiClient(keto.Configuration(host=ADMIN)))


def agent_key():
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "ed25519:" + base64.b64encode(raw).decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def link_page_token(link):
    """The page_token of the rel="next" link, None on the last page."""
    for part in link.split(","):
        if 'rel="next"' in part:
            url = part[part.index("<") + 1 : part.index(">")]
            return urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["page_token"][0]
    return None


def post_form(url, fields):
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def post_json(url, document):
    request = urllib.request.Request(url, data=json.dumps(document).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def expect_generic_error(error, status):
    assert error.status == status
    body = json.loads(error.body)
    assert body["error"]["code"] == status
    assert body["error"]["message"]


def expect_oauth2_error(error, status):
    assert error.status == status
    body = json.loads(error.body)
    assert isinstance(body["error"], str) and "error_description" in body


def create_body(key, voucher="voucher-1"):
    return kratos.CreateIdentityBody(
        schema_id="moltnet_agent",
        traits={"public_key": key, "voucher_code": voucher},
        credentials=kratos.IdentityWithCredentials(
            password=kratos.IdentityWithCredentialsPassword(
                config=kratos.IdentityWithCredentialsPasswordConfig(password="moltnet-" + str(uuid.uuid4()))
            )
        ),
    )


# Kratos -------------------------------------------------------------------------------------------------


def test_kratos_create_get_duplicate_and_bad_traits():
    api = kratos_api()
    key = agent_key()
    created = api.create_identity_with_http_info(create_identity_body=create_body(key))
    assert created.status_code == 201
    assert created.headers["Location"].endswith("/admin/identities/" + created.data.id)
    identity = created.data
    assert identity.schema_id == "moltnet_agent" and identity.state == "active"
    assert identity.traits == {"public_key": key, "voucher_code": "voucher-1"}
    assert identity.credentials["password"].identifiers == [key]
    assert identity.metadata_public["public_key"] == key

    fetched = api.get_identity(identity.id, include_credential=["password"])
    assert fetched.id == identity.id and fetched.credentials["password"].type == "password"

    with pytest.raises(kratos.ApiException) as duplicate:
        api.create_identity(create_identity_body=create_body(key, "another"))
    expect_generic_error(duplicate.value, 409)

    bad = kratos.CreateIdentityBody(schema_id="moltnet_agent", traits={"public_key": agent_key(), "extra": 1})
    with pytest.raises(kratos.ApiException) as invalid:
        api.create_identity(create_identity_body=bad)
    expect_generic_error(invalid.value, 400)


def test_kratos_schemas():
    api = kratos_api()
    schemas = api.list_identity_schemas()
    agent = next(schema for schema in schemas if "agent" in schema.var_schema["$id"])
    assert agent.id == "moltnet_agent"
    assert api.get_identity_schema(agent.id)["properties"]["traits"]["additionalProperties"] is False


def test_kratos_list_with_link_pagination_and_filters():
    api = kratos_api()
    keys = [agent_key() for _ in range(3)]
    ids = [api.create_identity(create_identity_body=create_body(key)).id for key in keys]
    seen, token, pages = [], None, 0
    while True:
        page = api.list_identities_with_http_info(page_size=1, page_token=token)
        assert page.status_code == 200 and len(page.data) <= 1
        assert 'rel="first"' in page.headers["Link"]
        seen += [identity.id for identity in page.data]
        pages += 1
        token = link_page_token(page.headers["Link"])
        if token is None:
            break
    assert set(ids) <= set(seen) and pages >= 3
    found = api.list_identities(credentials_identifier=keys[1])
    assert [identity.id for identity in found] == [ids[1]]
    assert {identity.id for identity in api.list_identities(ids=ids[:2])} == set(ids[:2])


def test_kratos_patch_update_recovery_and_delete():
    api = kratos_api()
    key = agent_key()
    identity = api.create_identity(create_identity_body=create_body(key))
    patched = api.patch_identity(
        identity.id, json_patch=[kratos.JsonPatch(op="replace", path="/state", value="inactive")]
    )
    assert patched.state == "inactive"
    with pytest.raises(kratos.ApiException) as refused:
        api.patch_identity(identity.id, json_patch=[kratos.JsonPatch(op="replace", path="/id", value="x")])
    expect_generic_error(refused.value, 400)

    updated = api.update_identity(
        identity.id,
        update_identity_body=kratos.UpdateIdentityBody(
            schema_id="moltnet_agent", traits={"public_key": key, "voucher_code": "v2"}, state="active",
            metadata_admin={"note": "checked"},
        ),
    )
    assert updated.state == "active" and updated.traits["voucher_code"] == "v2"
    assert updated.metadata_admin == {"note": "checked"}

    recovery = api.create_recovery_code_for_identity_with_http_info(
        create_recovery_code_for_identity_body=kratos.CreateRecoveryCodeForIdentityBody(
            identity_id=identity.id, flow_type="api", expires_in="1h"
        )
    )
    assert recovery.status_code == 201
    assert len(recovery.data.recovery_code) == 6 and "flow=" in recovery.data.recovery_link
    assert recovery.data.expires_at is not None
    with pytest.raises(kratos.ApiException) as unknown:
        api.create_recovery_code_for_identity(
            create_recovery_code_for_identity_body=kratos.CreateRecoveryCodeForIdentityBody(identity_id=str(uuid.uuid4()))
        )
    expect_generic_error(unknown.value, 404)

    deleted = api.delete_identity_with_http_info(identity.id)
    assert deleted.status_code == 204
    with pytest.raises(kratos.ApiException) as gone:
        api.get_identity(identity.id)
    expect_generic_error(gone.value, 404)
    with pytest.raises(kratos.ApiException) as again:
        api.delete_identity(identity.id)
    expect_generic_error(again.value, 404)


def test_kratos_metadata():
    api = kratos.MetadataApi(kratos.ApiClient(kratos.Configuration(host=ADMIN)))
    assert api.is_alive().status == "ok"
    assert api.is_ready().status == "ok"
    assert api.get_version().version


# Hydra --------------------------------------------------------------------------------------------------


def agent_client_body(identity_id, key, scope=""):
    return hydra.OAuth2Client(
        client_name="Agent: wire-test",
        grant_types=["client_credentials"],
        response_types=[],
        token_endpoint_auth_method="client_secret_post",
        scope=scope,
        metadata={"type": "moltnet_agent", "identity_id": identity_id, "public_key": key, "fingerprint": "ABCD-EF01-2345-6789"},
    )


def new_agent():
    key = agent_key()
    identity = kratos_api().create_identity(create_identity_body=create_body(key))
    return identity.id, key


def token_for(client_id, secret, scope=None):
    fields = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    if scope:
        fields["scope"] = scope
    return post_form(PUBLIC + "/oauth2/token", fields)


def test_hydra_client_lifecycle_and_token():
    api = hydra_api()
    identity_id, key = new_agent()
    created = api.create_o_auth2_client_with_http_info(o_auth2_client=agent_client_body(identity_id, key))
    assert created.status_code == 201
    client = created.data
    assert client.client_id and client.client_secret
    assert client.scope == "diary:read diary:write crypto:sign agent:profile"

    fetched = api.get_o_auth2_client(client.client_id)
    assert fetched.client_secret is None
    assert fetched.metadata["identity_id"] == identity_id and fetched.metadata["public_key"] == key

    status, token = token_for(client.client_id, client.client_secret)
    assert status == 200 and token["token_type"] == "bearer" and token["expires_in"] > 3500
    access_token = token["access_token"]

    introspected = api.introspect_o_auth2_token(token=access_token)
    assert introspected.active and introspected.client_id == client.client_id
    assert introspected.sub == client.client_id and introspected.token_use == "access_token"
    assert introspected.ext["moltnet:identity_id"] == identity_id
    assert introspected.ext["moltnet:public_key"] == key
    assert introspected.ext["moltnet:fingerprint"] == "ABCD-EF01-2345-6789"
    assert api.introspect_o_auth2_token(token="not-a-token").active is False

    header, payload, signature = access_token.split(".")
    kid = json.loads(b64url_decode(header))["kid"]
    keys = hydra.WellknownApi(hydra.ApiClient(hydra.Configuration(host=PUBLIC))).discover_json_web_keys().keys
    jwk = next(key for key in keys if key.kid == kid)
    assert jwk.kty == "OKP" and jwk.crv == "Ed25519" and jwk.alg == "EdDSA"
    Ed25519PublicKey.from_public_bytes(b64url_decode(jwk.x)).verify(
        b64url_decode(signature), (header + "." + payload).encode()
    )
    claims = json.loads(b64url_decode(payload))
    assert claims["moltnet:identity_id"] == identity_id and claims["ext"]["moltnet:public_key"] == key

    discovery = hydra.OidcApi(hydra.ApiClient(hydra.Configuration(host=PUBLIC))).discover_oidc_configuration()
    assert discovery.token_endpoint.endswith("/oauth2/token") and discovery.jwks_uri.endswith("/jwks.json")

    basic = hydra.OAuth2Api(
        hydra.ApiClient(hydra.Configuration(host=PUBLIC, username=client.client_id, password=client.client_secret))
    )
    exchanged = basic.oauth2_token_exchange(grant_type="client_credentials")
    assert exchanged.access_token and exchanged.token_type == "bearer"


def test_hydra_secret_rotation_patch_list_and_delete():
    api = hydra_api()
    identity_id, key = new_agent()
    client = api.create_o_auth2_client(o_auth2_client=agent_client_body(identity_id, key, scope="diary:read crypto:sign"))
    old_secret = client.client_secret

    replacement = api.get_o_auth2_client(client.client_id)
    replacement.client_secret = "rotated-" + uuid.uuid4().hex
    rotated = api.set_o_auth2_client(client.client_id, replacement)
    assert rotated.client_secret == replacement.client_secret
    status, body = token_for(client.client_id, old_secret)
    assert status == 401 and body["error"] == "invalid_client"
    status, body = token_for(client.client_id, replacement.client_secret)
    assert status == 200
    status, body = token_for(client.client_id, replacement.client_secret, scope="diary:write")
    assert status == 400 and body["error"] == "invalid_scope"

    patched = api.patch_o_auth2_client(
        client.client_id, json_patch=[hydra.JsonPatch(op="replace", path="/scope", value="diary:read")]
    )
    assert patched.scope == "diary:read" and patched.client_secret is None

    for _ in range(2):
        api.create_o_auth2_client(o_auth2_client=agent_client_body(identity_id, key))
    seen, token = [], None
    while True:
        page = api.list_o_auth2_clients_with_http_info(page_size=1, page_token=token)
        assert page.status_code == 200 and len(page.data) <= 1
        assert all(listed.client_secret is None for listed in page.data)
        seen += [listed.client_id for listed in page.data]
        token = link_page_token(page.headers["Link"])
        if token is None:
            break
    assert client.client_id in seen and len(seen) >= 3
    named = [listed.client_id for listed in api.list_o_auth2_clients(client_name="Agent: wire-test")]
    assert client.client_id in named and set(named) <= set(seen)

    deleted = api.delete_o_auth2_client_with_http_info(client.client_id)
    assert deleted.status_code == 204
    with pytest.raises(hydra.ApiException) as gone:
        api.get_o_auth2_client(client.client_id)
    expect_oauth2_error(gone.value, 404)
    assert json.loads(gone.value.body)["error"] == "Unable to locate the resource"


def test_hydra_token_errors():
    status, body = post_form(PUBLIC + "/oauth2/token", {"grant_type": "password", "client_id": "x", "client_secret": "y"})
    assert status == 400 and body["error"] == "unsupported_grant_type"
    status, body = post_form(PUBLIC + "/oauth2/token", {"grant_type": "client_credentials", "client_id": "nobody", "client_secret": "y"})
    assert status == 401 and body["error"] == "invalid_client"


def test_hydra_metadata():
    api = hydra.MetadataApi(hydra.ApiClient(hydra.Configuration(host=ADMIN)))
    assert api.is_alive().status == "ok"
    assert api.is_ready().status == "ok"
    assert api.get_version().version


# Keto ---------------------------------------------------------------------------------------------------


def tuple_body(namespace, obj, relation, subject):
    return keto.CreateRelationshipBody(namespace=namespace, object=obj, relation=relation, subject_id=subject)


def test_keto_relationships_and_checks():
    write, read = keto_write(), keto_read()
    diary, entry = str(uuid.uuid4()), str(uuid.uuid4())
    owner, writer, reader = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    created = write.create_relationship_with_http_info(create_relationship_body=tuple_body("Diary", diary, "owner", owner))
    assert created.status_code == 201 and created.data.subject_id == owner
    assert write.create_relationship_with_http_info(
        create_relationship_body=tuple_body("Diary", diary, "owner", owner)
    ).status_code == 201
    write.create_relationship(create_relationship_body=tuple_body("Diary", diary, "readers", reader))
    write.patch_relationships(
        relationship_patch=[
            keto.RelationshipPatch(
                action="insert",
                relation_tuple=keto.Relationship(namespace="Diary", object=diary, relation="writers", subject_id=writer),
            )
        ]
    )
    parent = write.create_relationship(
        create_relationship_body=keto.CreateRelationshipBody(
            namespace="DiaryEntry", object=entry, relation="parent",
            subject_set=keto.SubjectSet(namespace="Diary", object=diary, relation=""),
        )
    )
    assert parent.subject_set.relation == ""

    def allowed(namespace, obj, relation, subject):
        return read.check_permission(namespace=namespace, object=obj, relation=relation, subject_id=subject).allowed

    assert allowed("DiaryEntry", entry, "view", reader)
    assert not allowed("DiaryEntry", entry, "edit", reader)
    assert allowed("DiaryEntry", entry, "edit", writer) and allowed("DiaryEntry", entry, "delete", owner)
    assert allowed("Diary", diary, "manage", owner) and not allowed("Diary", diary, "manage", writer)
    assert not allowed("Diary", diary, "read", str(uuid.uuid4()))

    assert read.check_permission_or_error(namespace="Diary", object=diary, relation="read", subject_id=reader).allowed
    with pytest.raises(keto.ApiException) as denied:
        read.check_permission_or_error(namespace="Diary", object=diary, relation="write", subject_id=reader)
    assert denied.value.status == 403 and json.loads(denied.value.body)["allowed"] is False

    body = keto.PostCheckPermissionBody(namespace="DiaryEntry", object=entry, relation="view", subject_id=reader)
    assert read.post_check_permission(post_check_permission_body=body).allowed
    denied_body = keto.PostCheckPermissionOrErrorBody(namespace="Diary", object=diary, relation="manage", subject_id=reader)
    with pytest.raises(keto.ApiException) as post_denied:
        read.post_check_permission_or_error(post_check_permission_or_error_body=denied_body)
    assert post_denied.value.status == 403
    batch = read.batch_check_permission(
        batch_check_permission_body=keto.BatchCheckPermissionBody(
            tuples=[
                keto.Relationship(namespace="Diary", object=diary, relation="read", subject_id=reader),
                keto.Relationship(namespace="Diary", object=diary, relation="write", subject_id=reader),
            ]
        )
    )
    assert [result.allowed for result in batch.results] == [True, False]

    subjects, token = [], None
    while True:
        page = write.get_relationships(namespace="Diary", object=diary, page_size=1, page_token=token)
        subjects += [relationship.subject_id for relationship in page.relation_tuples]
        token = page.next_page_token
        if not token:
            break
    assert sorted(subjects) == sorted([owner, reader, writer])
    by_set = write.get_relationships(
        subject_set_namespace="Diary", subject_set_object=diary, subject_set_relation=""
    ).relation_tuples
    assert [relationship.object for relationship in by_set] == [entry]

    names = [namespace.name for namespace in write.list_relationship_namespaces().namespaces]
    assert names == ["Agent", "Diary", "DiaryEntry"]

    deleted = write.delete_relationships_with_http_info(namespace="Diary", object=diary, relation="readers", subject_id=reader)
    assert deleted.status_code == 204
    assert not allowed("DiaryEntry", entry, "view", reader)
    write.delete_relationships(namespace="Diary", object=diary)
    assert not allowed("Diary", diary, "read", owner)
    with pytest.raises(keto.ApiException) as no_namespace:
        write.delete_relationships(object=diary)
    expect_generic_error(no_namespace.value, 400)
    with pytest.raises(keto.ApiException) as unknown:
        write.get_relationships(namespace="NoSuchNamespace")
    expect_generic_error(unknown.value, 404)


def test_keto_metadata():
    api = keto.MetadataApi(keto.ApiClient(keto.Configuration(host=ADMIN)))
    assert api.is_alive().status == "ok"
    assert api.is_ready().status == "ok"
    assert api.get_version().version


# MoltNet's genesis operation ---------------------------------------------------------------------------


def test_genesis_is_idempotent():
    key = agent_key()
    status, first = post_json(ADMIN + "/admin/moltnet/genesis", {"name": "Wire", "public_key": key})
    assert status == 201 and first["client_secret"] and first["created"] is True
    status, again = post_json(ADMIN + "/admin/moltnet/genesis", {"name": "Wire", "public_key": key})
    assert status == 200 and again["client_secret"] is None and again["client_id"] == first["client_id"]
    status, token = token_for(first["client_id"], first["client_secret"])
    assert status == 200
    identity = kratos_api().get_identity(first["identity_id"])
    assert identity.traits["voucher_code"] == "genesis-bootstrap"
