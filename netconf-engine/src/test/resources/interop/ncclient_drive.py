"""Drives a simulated Homeport device with Debian's python3-ncclient; prints 'ok OPERATION' per checked step.

Usage: ncclient_drive.py listen HOST PORT USER PASSWORD   -- every operation against a listening device
       ncclient_drive.py callhome HOST PORT USER PASSWORD -- accept one call home (manager.call_home), read config
Any failed check raises, so the exit status is non-zero and the traceback says which step failed.
"""
import sys
import time
from ncclient import manager
from ncclient.operations import RPCError
from ncclient.xml_ import to_ele

SYS = "urn:ietf:params:xml:ns:yang:ietf-system"
NC = "urn:ietf:params:xml:ns:netconf:base:1.0"


def ok(step):
    print("ok " + step, flush=True)


def hostname_config(name):
    return ('<config xmlns="%s"><system xmlns="%s"><hostname>%s</hostname></system></config>' % (NC, SYS, name))


def hostname(m, source):
    reply = m.get_config(source=source, filter=("subtree", '<system xmlns="%s"><hostname/></system>' % SYS))
    found = reply.data_ele.find(".//{%s}hostname" % SYS)
    return None if found is None else found.text


def connect(host, port, user, password):
    return manager.connect(host=host, port=port, username=user, password=password, hostkey_verify=False,
                           look_for_keys=False, allow_agent=False, timeout=60)


def expect_error(call, tag):
    try:
        call()
    except RPCError as e:
        assert e.tag == tag, "expected %s, got %s: %s" % (tag, e.tag, e)
        return e
    raise AssertionError("expected an rpc-error " + tag)


def drive(host, port, user, password):
    m = connect(host, port, user, password)
    caps = list(m.server_capabilities)
    assert ":candidate" in " ".join(caps) and ":confirmed-commit:1.1" in " ".join(caps), caps
    ok("hello")

    assert hostname(m, "running") == "home-router"
    ok("get-config")
    reply = m.get(filter=("subtree", '<interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"/>'))
    assert reply.data_ele.find(".//{urn:ietf:params:xml:ns:yang:ietf-interfaces}in-octets") is not None, reply.xml
    ok("get")
    reply = m.get(filter=("xpath", ({"sys": SYS}, "/sys:system/sys:hostname")))
    assert "home-router" in reply.xml
    ok("get-xpath")

    m.edit_config(target="candidate", config=hostname_config("from-ncclient"))
    assert hostname(m, "candidate") == "from-ncclient" and hostname(m, "running") == "home-router"
    ok("edit-config")
    m.validate(source="candidate")
    ok("validate")
    m.commit()
    assert hostname(m, "running") == "from-ncclient"
    ok("commit")

    m.edit_config(target="candidate", config=hostname_config("not-kept"))
    m.discard_changes()
    assert hostname(m, "candidate") == "from-ncclient"
    ok("discard-changes")

    m.edit_config(target="candidate", config=hostname_config("confirm-me"))
    m.commit(confirmed=True, timeout="60")
    assert hostname(m, "running") == "confirm-me"
    m.cancel_commit()
    assert hostname(m, "running") == "from-ncclient"
    ok("confirmed-commit-cancel")
    m.edit_config(target="candidate", config=hostname_config("short-lived"))
    m.commit(confirmed=True, timeout="1")
    deadline = time.time() + 30
    while hostname(m, "running") != "from-ncclient":
        assert time.time() < deadline, "the confirmed commit was not rolled back"
        time.sleep(0.2)
    ok("confirmed-commit-timeout")

    before = m.get_config(source="running").data_xml
    bad = ('<config xmlns="%s"><system xmlns="%s"><hostname>%s</hostname></system></config>' % (NC, SYS, "x" * 300))
    expect_error(lambda: m.edit_config(target="running", config=bad), "invalid-value")
    assert m.get_config(source="running").data_xml == before
    ok("rejected-edit")
    expect_error(lambda: m.dispatch(to_ele('<frobnicate xmlns="urn:example:nothing"/>')), "unknown-namespace")
    ok("unknown-rpc")

    m.copy_config(source="running", target="startup")
    assert hostname(m, "startup") == "from-ncclient"
    ok("copy-config")
    m.delete_config(target="startup")
    assert hostname(m, "startup") is None
    ok("delete-config")

    other = connect(host, port, user, password)
    m.lock(target="running")
    e = expect_error(lambda: other.lock(target="running"), "lock-denied")
    assert e.info is not None and m.session_id in e.info, e.info
    m.unlock(target="running")
    other.lock(target="running")
    other.unlock(target="running")
    ok("lock-unlock")
    m.kill_session(other.session_id)
    ok("kill-session")

    schema = m.get_schema("ietf-system")
    assert "module ietf-system" in schema.data, schema.data[:200]
    ok("get-schema")
    reply = m.get(filter=("subtree", '<netconf-state xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring">'
                                     '<schemas/></netconf-state>'))
    assert "ietf-interfaces" in reply.xml
    ok("netconf-monitoring")
    reply = m.get(filter=("subtree", '<yang-library xmlns="urn:ietf:params:xml:ns:yang:ietf-yang-library"/>'))
    assert "ietf-ip" in reply.xml
    ok("yang-library")
    reply = m.get_config(source="running", with_defaults="report-all")
    assert "<enabled>true</enabled>" in reply.xml.replace(" ", "")
    ok("with-defaults")

    reply = m.dispatch(to_ele('<get-data xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-nmda" '
                              'xmlns:ds="urn:ietf:params:xml:ns:yang:ietf-datastores">'
                              '<datastore>ds:operational</datastore>'
                              '<subtree-filter><system-state xmlns="%s"/></subtree-filter></get-data>' % SYS))
    assert "boot-datetime" in reply.xml, reply.xml
    ok("get-data")
    m.dispatch(to_ele('<edit-data xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-nmda" '
                      'xmlns:ds="urn:ietf:params:xml:ns:yang:ietf-datastores"><datastore>ds:running</datastore>'
                      '<config><system xmlns="%s"><location>nmda</location></system></config></edit-data>' % SYS))
    assert "nmda" in m.get_config(source="running").xml
    ok("edit-data")
    reply = m.dispatch(to_ele('<partial-lock xmlns="urn:ietf:params:xml:ns:netconf:partial-lock:1.0">'
                              '<select xmlns:sys="%s">/sys:system/sys:hostname</select></partial-lock>' % SYS))
    lock_id = to_ele(reply.xml).find(".//{urn:ietf:params:xml:ns:netconf:partial-lock:1.0}lock-id").text
    m.dispatch(to_ele('<partial-unlock xmlns="urn:ietf:params:xml:ns:netconf:partial-lock:1.0">'
                      '<lock-id>%s</lock-id></partial-unlock>' % lock_id))
    ok("partial-lock")

    m.create_subscription(start_time="1970-01-01T00:00:00Z")
    seen = []
    deadline = time.time() + 20
    while time.time() < deadline:
        n = m.take_notification(timeout=5)
        if n is None:
            break
        seen.append(n.notification_xml)
        if "replayComplete" in n.notification_xml:
            break
    text = "".join(seen)
    assert "netconf-config-change" in text and "netconf-session-start" in text and "replayComplete" in text, text
    ok("notifications-replay")

    # NTP keeps the home router's clock: RFC 7317 refuses a manual setting while it runs
    expect_error(lambda: m.dispatch(to_ele(
        '<set-current-datetime xmlns="%s"><current-datetime>2030-01-01T00:00:00Z</current-datetime>'
        '</set-current-datetime>' % SYS)), "operation-failed")
    ok("set-current-datetime")
    m.close_session()
    ok("close-session")


def callhome(host, port, user, password):
    m = manager.call_home(host=host, port=port, username=user, password=password, hostkey_verify=False,
                          look_for_keys=False, allow_agent=False, timeout=60)
    assert hostname(m, "running") == "home-router"
    ok("call-home")
    m.close_session()


if __name__ == "__main__":
    mode, host, port, user, password = sys.argv[1:6]
    {"listen": drive, "callhome": callhome}[mode](host, int(port), user, password)
