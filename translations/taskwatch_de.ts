<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddTasksDialog</name>
    <message>
        <source>Add tasks</source>
        <translation>Aufgaben hinzufügen</translation>
    </message>
    <message>
        <source>Paste one or more task ids, separated by lines, commas or spaces</source>
        <translation>Eine oder mehrere Aufgaben-IDs einfügen, getrennt durch Zeilenumbrüche, Kommas oder Leerzeichen</translation>
    </message>
    <message>
        <source>Optional, e.g. &quot;Nightly AD aggregation&quot;</source>
        <translation>Optional, z. B. „Nächtliche AD-Aggregation“</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Skipped ids</source>
        <translation>Übersprungene IDs</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Task &amp;ids:</source>
        <translation>Aufgaben-&amp;IDs:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>already watched</source>
        <translation>wird bereits beobachtet</translation>
    </message>
    <message>
        <source>pasted more than once</source>
        <translation>mehrfach eingefügt</translation>
    </message>
    <message>
        <source>1 new task id</source>
        <translation>1 neue Aufgaben-ID</translation>
    </message>
    <message numerus="yes">
        <source>%n new task ids</source>
        <translation>
            <numerusform>%n neue Aufgaben-ID</numerusform>
            <numerusform>%n neue Aufgaben-IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already watched or repeated</source>
        <translation>
            <numerusform>%n bereits beobachtet oder doppelt</numerusform>
            <numerusform>%n bereits beobachtet oder doppelt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not valid</source>
        <translation>
            <numerusform>%n ungültig</numerusform>
            <numerusform>%n ungültig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Not like a SailPoint task id (32 hexadecimal characters): %1. Added as typed; check for a typo or the wrong column.</source>
        <translation>Sieht nicht wie eine SailPoint-Aufgaben-ID aus (32 Hexadezimalzeichen): %1. Wird wie eingegeben hinzugefügt; prüfen Sie auf Tippfehler oder eine falsche Spalte.</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>%1 (tracking id %2)</source>
        <translation>%1 (Tracking-ID %2)</translation>
    </message>
    <message>
        <source>the server rejected the request as invalid.</source>
        <translation>der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>not authenticated: the access token is missing, invalid or expired.</source>
        <translation>nicht authentifiziert: Das Zugriffstoken fehlt, ist ungültig oder abgelaufen.</translation>
    </message>
    <message>
        <source>forbidden: these credentials lack the right to read task status (scope idn:task-management:read).</source>
        <translation>verboten: Diesen Zugangsdaten fehlt das Recht, den Aufgabenstatus zu lesen (Scope idn:task-management:read).</translation>
    </message>
    <message>
        <source>not found (task status is kept for 90 days).</source>
        <translation>nicht gefunden (der Aufgabenstatus wird 90 Tage aufbewahrt).</translation>
    </message>
    <message>
        <source>the request URL is too long.</source>
        <translation>die Anfrage-URL ist zu lang.</translation>
    </message>
    <message>
        <source>rate limit exceeded; the tenant asks to wait before the next request.</source>
        <translation>Anfragelimit überschritten; der Tenant bittet, vor der nächsten Anfrage zu warten.</translation>
    </message>
    <message>
        <source>the server had an internal fault.</source>
        <translation>der Server hatte einen internen Fehler.</translation>
    </message>
    <message>
        <source>the service is unavailable or a gateway timed out.</source>
        <translation>der Dienst ist nicht verfügbar oder ein Gateway hat das Zeitlimit überschritten.</translation>
    </message>
    <message>
        <source>the server failed to answer the request.</source>
        <translation>der Server konnte die Anfrage nicht beantworten.</translation>
    </message>
    <message>
        <source>the request failed.</source>
        <translation>die Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>not found on this tenant: older than 90 days, another tenant&apos;s id, or mistyped.</source>
        <translation>auf diesem Tenant nicht gefunden: älter als 90 Tage, die ID eines anderen Tenants oder vertippt.</translation>
    </message>
    <message>
        <source>forbidden: changing a task&apos;s status needs the scope idn:task-management:write, which only a personal access token of an admin user has (user level ORG_ADMIN, CERT_ADMIN, REPORT_ADMIN, ROLE_ADMIN, ROLE_SUBADMIN, SOURCE_ADMIN or SOURCE_SUBADMIN); API clients cannot do it.</source>
        <translation>verboten: den Status einer Aufgabe zu ändern, erfordert den Scope idn:task-management:write, den nur ein persönliches Zugriffstoken eines Admin-Benutzers hat (Benutzerstufe ORG_ADMIN, CERT_ADMIN, REPORT_ADMIN, ROLE_ADMIN, ROLE_SUBADMIN, SOURCE_ADMIN oder SOURCE_SUBADMIN); API-Clients können das nicht.</translation>
    </message>
    <message>
        <source>forbidden: these credentials lack the scope idn:task-management:read, or the user of a personal access token has no user level that may read task status (such as ORG_ADMIN or HELPDESK).</source>
        <translation>verboten: diesen Zugangsdaten fehlt der Scope idn:task-management:read, oder der Benutzer eines persönlichen Zugriffstokens hat keine Benutzerstufe, die den Aufgabenstatus lesen darf (etwa ORG_ADMIN oder HELPDESK).</translation>
    </message>
</context>
<context>
    <name>ApiTransport</name>
    <message>
        <source>No client secret is set for this connection.</source>
        <translation>Für diese Verbindung ist kein Client-Secret gesetzt.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The answer from %1 was larger than %2 MiB and was cut off.</source>
        <translation>Die Antwort von %1 war größer als %2 MiB und wurde abgeschnitten.</translation>
    </message>
    <message>
        <source>The answer from %1 did not end within %2 s and was cut off.</source>
        <translation>Die Antwort von %1 endete nicht innerhalb von %2 s und wurde abgeschnitten.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted: %2</source>
        <translation>Dem TLS-Zertifikat von %1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Authentication failed: the tenant refused a newly issued token. %1</source>
        <translation>Die Authentifizierung ist fehlgeschlagen: Der Tenant hat ein soeben ausgestelltes Token abgelehnt. %1</translation>
    </message>
    <message>
        <source>This build of Taskwatch has no TLS support.</source>
        <translation>Diese Version von Taskwatch kann kein TLS.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>ClearTaskDialog</name>
    <message>
        <source>Mark as finished</source>
        <translation>Als beendet markieren</translation>
    </message>
    <message>
        <source>Mark “%1” on %2 as finished?
Task id: %3</source>
        <translation>„%1“ auf %2 als beendet markieren?
Aufgaben-ID: %3</translation>
    </message>
    <message>
        <source>It has been running for %1, since %2.</source>
        <translation>Sie läuft seit %1, seit %2.</translation>
    </message>
    <message>
        <source>It has been waiting to start for %1, since %2.</source>
        <translation>Sie wartet seit %1 auf ihren Start, seit %2.</translation>
    </message>
    <message>
        <source>Outcome to set (completed: now)</source>
        <translation>Zu setzendes Ergebnis (beendet: jetzt)</translation>
    </message>
    <message>
        <source>&amp;Error: it failed or hangs</source>
        <translation>&amp;Fehler: sie ist fehlgeschlagen oder hängt</translation>
    </message>
    <message>
        <source>&amp;Terminated: it was stopped on purpose</source>
        <translation>&amp;Abgebrochen: sie wurde absichtlich gestoppt</translation>
    </message>
    <message>
        <source>This records an outcome for the task in the tenant. It does not stop work that is still running there: use it for a task that is stuck, after checking that nothing is still working on it.</source>
        <translation>Dies hält im Tenant ein Ergebnis für die Aufgabe fest. Es stoppt keine Arbeit, die dort noch läuft: Verwenden Sie es für eine hängende Aufgabe, nachdem Sie geprüft haben, dass nichts mehr an ihr arbeitet.</translation>
    </message>
    <message>
        <source>&amp;Mark as finished</source>
        <translation>Als beendet &amp;markieren</translation>
    </message>
    <message>
        <source>It shows %1&#xa0;%.</source>
        <translation>Sie zeigt %1&#xa0;%.</translation>
    </message>
</context>
<context>
    <name>CliClear</name>
    <message>
        <source>nothing was changed.</source>
        <translation>nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>CliClearOutput</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>Mark this task on %1 as %2, completed now?</source>
        <translation>Diese Aufgabe auf %1 als %2 markieren, beendet jetzt?</translation>
    </message>
    <message>
        <source>Mark these %3 tasks on %1 as %2, completed now?</source>
        <translation>Diese %3 Aufgaben auf %1 als %2 markieren, beendet jetzt?</translation>
    </message>
    <message>
        <source>This records an outcome in the tenant; it does not stop work that is still running there.</source>
        <translation>Dies hält ein Ergebnis im Tenant fest; es stoppt keine Arbeit, die dort noch läuft.</translation>
    </message>
    <message>
        <source>Continue? [y/N] </source>
        <translation>Fortfahren? [j/N] </translation>
    </message>
    <message>
        <source>y</source>
        <comment>the short yes of [y/N]</comment>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>the long yes of [y/N]</comment>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>CliFollow</name>
    <message>
        <source>follow needs API version v2025, v2026 or v1: the task lists of beta and v2024 hold completed tasks only, so a new task would be seen only once it has ended</source>
        <translation>follow braucht die API-Version v2025, v2026 oder v1: die Aufgabenlisten von beta und v2024 enthalten nur abgeschlossene Aufgaben, eine neue Aufgabe wäre also erst nach ihrem Ende zu sehen</translation>
    </message>
</context>
<context>
    <name>CliLogin</name>
    <message>
        <source>Nothing was stored; use SAIL_CLIENT_SECRET for this shell instead.</source>
        <translation>Es wurde nichts gespeichert; verwenden Sie stattdessen SAIL_CLIENT_SECRET für diese Shell.</translation>
    </message>
    <message>
        <source>it cannot be written</source>
        <translation>sie ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>it is not a valid settings file</source>
        <translation>sie ist keine gültige Einstellungsdatei</translation>
    </message>
    <message>
        <source>the system keychain cannot keep the secret</source>
        <translation>der Schlüsselbund des Systems kann das Secret nicht aufbewahren</translation>
    </message>
    <message>
        <source>no client secret on stdin: type it, or pipe it in (one line)</source>
        <translation>kein Client-Secret auf stdin: tippen Sie es ein oder leiten Sie es per Pipe ein (eine Zeile)</translation>
    </message>
    <message>
        <source> Nothing was stored.</source>
        <translation> Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>cannot check the credentials: </source>
        <translation>die Zugangsdaten können nicht geprüft werden: </translation>
    </message>
    <message>
        <source> Nothing was stored (--no-verify stores them unchecked).</source>
        <translation> Es wurde nichts gespeichert (--no-verify speichert sie ungeprüft).</translation>
    </message>
    <message>
        <source>cannot store the secret in the system keychain</source>
        <translation>das Secret kann nicht im Schlüsselbund des Systems gespeichert werden</translation>
    </message>
    <message>
        <source>cannot save the profile in %1: %2</source>
        <translation>das Profil kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>; nothing was stored</source>
        <translation>; es wurde nichts gespeichert</translation>
    </message>
    <message>
        <source>Saved profile %1 without checking the credentials</source>
        <translation>Profil %1 ohne Prüfung der Zugangsdaten gespeichert</translation>
    </message>
    <message>
        <source>Logged in: profile %1 saved</source>
        <translation>Angemeldet: Profil %1 gespeichert</translation>
    </message>
    <message>
        <source>; its client secret is in the system keychain.</source>
        <translation>; sein Client-Secret liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>the secret of the old client id %1 is still in the keychain</source>
        <translation>das Secret der alten Client-ID %1 liegt noch im Schlüsselbund</translation>
    </message>
    <message>
        <source>there is no saved profile &quot;%1&quot;</source>
        <translation>es gibt kein gespeichertes Profil „%1“</translation>
    </message>
    <message>
        <source>cannot remove the secret of profile &quot;%1&quot; from the keychain</source>
        <translation>das Secret des Profils „%1“ kann nicht aus dem Schlüsselbund entfernt werden</translation>
    </message>
    <message>
        <source>The profile is kept, so that logout can be tried again.</source>
        <translation>Das Profil bleibt erhalten, damit logout erneut versucht werden kann.</translation>
    </message>
    <message>
        <source>the secret is removed from the keychain, but the profile cannot be removed from %1: %2</source>
        <translation>das Secret wurde aus dem Schlüsselbund entfernt, aber das Profil kann nicht aus %1 entfernt werden: %2</translation>
    </message>
    <message>
        <source>Logged out: profile %1 and its client secret are removed.</source>
        <translation>Abgemeldet: Profil %1 und sein Client-Secret wurden entfernt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2, %3, client id %4)</source>
        <translation>„%1“ (%2, %3, Client-ID %4)</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>--profile: the name is empty</source>
        <translation>--profile: der Name ist leer</translation>
    </message>
    <message>
        <source>--profile: &quot;%1&quot; has a / or \ in it</source>
        <translation>--profile: „%1“ enthält / oder \</translation>
    </message>
    <message>
        <source>--profile: &quot;%1&quot; starts or ends with a space</source>
        <translation>--profile: „%1“ beginnt oder endet mit einem Leerzeichen</translation>
    </message>
    <message>
        <source>--no-verify belongs to login</source>
        <translation>--no-verify gehört zu login</translation>
    </message>
    <message>
        <source>logout takes only --profile</source>
        <translation>logout akzeptiert nur --profile</translation>
    </message>
    <message>
        <source>%1 takes no ids</source>
        <translation>%1 akzeptiert keine IDs</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task id: it %2</source>
        <translation>„%1“ ist keine Aufgaben-ID: sie %2</translation>
    </message>
    <message>
        <source>%1 needs at least one task id</source>
        <translation>%1 braucht mindestens eine Aufgaben-ID</translation>
    </message>
    <message>
        <source>--timeout: expected a number of seconds ≥ 1, got &quot;%1&quot;</source>
        <translation>--timeout: erwartet wird eine Anzahl Sekunden ≥ 1, erhalten „%1“</translation>
    </message>
    <message>
        <source>--interval: expected 1 to 300 seconds, got &quot;%1&quot;</source>
        <translation>--interval: erwartet werden 1 bis 300 Sekunden, erhalten „%1“</translation>
    </message>
    <message>
        <source>--limit: expected 1 to 250, got &quot;%1&quot;</source>
        <translation>--limit: erwartet wird 1 bis 250, erhalten „%1“</translation>
    </message>
    <message>
        <source>there is no saved profile &quot;%1&quot; (save one with taskwatch-cli login)</source>
        <translation>es gibt kein gespeichertes Profil „%1“ (speichern Sie eines mit taskwatch-cli login)</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>dem Profil</translation>
    </message>
    <message>
        <source>--api-version: expected beta, v2024, v2025, v2026 or v1, got &quot;%1&quot;</source>
        <translation>--api-version: erwartet wird beta, v2024, v2025, v2026 oder v1, erhalten „%1“</translation>
    </message>
    <message>
        <source>no tenant: use --base-url, SAIL_BASE_URL or --profile, or save a profile with taskwatch-cli login</source>
        <translation>kein Tenant: verwenden Sie --base-url, SAIL_BASE_URL oder --profile, oder speichern Sie ein Profil mit taskwatch-cli login</translation>
    </message>
    <message>
        <source>no client id: use --client-id, SAIL_CLIENT_ID or --profile</source>
        <translation>keine Client-ID: verwenden Sie --client-id, SAIL_CLIENT_ID oder --profile</translation>
    </message>
    <message>
        <source>--running needs v2025, v2026 or v1: the %1 task list returns completed tasks only</source>
        <translation>--running braucht v2025, v2026 oder v1: die Aufgabenliste von %1 liefert nur abgeschlossene Aufgaben</translation>
    </message>
    <message>
        <source>--client-secret-stdin: stdin held no secret</source>
        <translation>--client-secret-stdin: auf stdin stand kein Secret</translation>
    </message>
    <message>
        <source>no client secret: set SAIL_CLIENT_SECRET, use --client-secret-stdin, or save a profile with taskwatch-cli login</source>
        <translation>kein Client-Secret: setzen Sie SAIL_CLIENT_SECRET, verwenden Sie --client-secret-stdin, oder speichern Sie ein Profil mit taskwatch-cli login</translation>
    </message>
    <message>
        <source>login needs --base-url, the tenant (e.g. https://acme.api.identitynow.com)</source>
        <translation>login braucht --base-url, den Tenant (z. B. https://acme.api.identitynow.com)</translation>
    </message>
    <message>
        <source>login needs --client-id, the API client or personal access token id</source>
        <translation>login braucht --client-id, die ID des API-Clients oder persönlichen Zugriffstokens</translation>
    </message>
    <message>
        <source>--running, --pending and --limit belong to list</source>
        <translation>--running, --pending und --limit gehören zu list</translation>
    </message>
    <message>
        <source>--running or --pending: --pending lists queued and running tasks, --running the unfinished tasks of the task list</source>
        <translation>--running oder --pending: --pending listet wartende und laufende Aufgaben, --running die unbeendeten Aufgaben der Aufgabenliste</translation>
    </message>
    <message>
        <source>--status and --yes belong to clear</source>
        <translation>--status und --yes gehören zu clear</translation>
    </message>
    <message>
        <source>clear needs --status error or --status terminated: the outcome to record</source>
        <translation>clear braucht --status error oder --status terminated: das festzuhaltende Ergebnis</translation>
    </message>
    <message>
        <source>--status: expected error or terminated, got &quot;%1&quot;</source>
        <translation>--status: error oder terminated erwartet, „%1“ erhalten</translation>
    </message>
    <message>
        <source>--timeout, --interval and --fixed-interval belong to wait</source>
        <translation>--timeout, --interval und --fixed-interval gehören zu wait</translation>
    </message>
    <message>
        <source>--budget-share: expected 1 to 100 (percent), got &quot;%1&quot;</source>
        <translation>--budget-share: 1 bis 100 (Prozent) erwartet, erhalten: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no command given (get, wait, list, clear, follow, login or logout)</source>
        <translation>kein Befehl angegeben (get, wait, list, clear, follow, login oder logout)</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (get, wait, list, clear, follow, login or logout)</source>
        <translation>unbekannter Befehl &quot;%1&quot; (get, wait, list, clear, follow, login oder logout)</translation>
    </message>
    <message>
        <source>--type, --source and --all belong to follow</source>
        <translation>--type, --source und --all gehören zu follow</translation>
    </message>
    <message>
        <source>follow needs --type TYPE, --source ID or --all: what to follow</source>
        <translation>follow braucht --type TYP, --source ID oder --all: was verfolgt werden soll</translation>
    </message>
    <message>
        <source>--budget-share belongs to get, wait, list, clear and follow</source>
        <translation>--budget-share gehört zu get, wait, list, clear und follow</translation>
    </message>
    <message>
        <source>--json belongs to get, list and follow</source>
        <translation>--json gehört zu get, list und follow</translation>
    </message>
    <message>
        <source>Usage: taskwatch-cli COMMAND [OPTIONS] [ID...]

Watch SailPoint Identity Security Cloud tasks through the task-status API.

Commands:
  get ID...    Fetch the tasks once (batched) and print a table, or with --json a JSON
               array of the task-status objects as received.
  wait ID...   Poll until every task has finished. On a terminal: a live line per task
               with a progress bar; otherwise one line per change.
                 --timeout SECONDS   give up after this long (exit code 124)
                 --interval SECONDS  the longest a task waits between checks, 1-300
                                     (default 5); a task that moves is checked about
                                     once a second, within the budget share
                 --fixed-interval    check every --interval seconds instead
  list         Recent tasks on the tenant, newest first: the way to find ids to watch.
                 --running           only tasks that have not finished (v2025, v2026, v1)
                 --pending           queued and running tasks, on every version (beta,
                                     v2024, v2025: pending-tasks; v2026, v1: the list of
                                     unfinished tasks); the total goes to stderr
                 --limit N           at most N tasks, 1-250 (default 20)
                 --json              the task-status objects as received
  clear ID...  Mark stuck tasks as finished (PATCH), with --status error or
               --status terminated and the time of now as completed. Each task is read
               first: one that has finished is left as it is. This records an outcome
               in the tenant; it does not stop work still running there. On a terminal
               it asks first [y/N]; without a terminal it needs --yes. Needs a personal
               access token of an admin user (scope idn:task-management:write). A
               request without an answer is never sent again: check with get.
                 --status error|terminated  the outcome to record
                 --yes               do not ask
  follow       Report new tasks as they appear, and what then happens to them, until
               interrupted: one line per event (appeared, started, progressed,
               finished, stalled, overdue, recovered), flushed as written; with
               --json one JSON object per line. Rounds of at most 2 s, inside the
               budget share. Needs v2025, v2026 or v1. Never changes the app&apos;s
               watch list.
                 --type TYPE         every new task of this type (repeatable)
                 --source ID         every new task on this source (repeatable)
                 --all               every new task
                 --json              one JSON object per event
  login        Save a connection profile (--profile NAME, default &quot;default&quot;) and keep its
               client secret in the system keychain. The secret is read from stdin
               (typed without echo on a terminal). The credentials are checked with the
               tenant first; when they are refused nothing is stored.
                 --base-url URL --client-id ID [--api-version V] [--ca-file FILE]
                                     (for a saved profile, what is left out is kept)
                 --no-verify         store without asking the tenant
  logout       Remove a saved profile (--profile NAME, default &quot;default&quot;) and its secret
               from the keychain.

Connection (get, wait, list, clear, follow):
  --base-url URL         tenant, e.g. https://acme.api.identitynow.com   [SAIL_BASE_URL]
  --api-version V        beta, v2024, v2025 (default), v2026 or v1
  --client-id ID         API client or personal access token id          [SAIL_CLIENT_ID]
  --client-secret-stdin  read the client secret from the first line of stdin
                         (otherwise from SAIL_CLIENT_SECRET; never from a file)
  --profile NAME         a saved connection profile (taskwatch-cli login, or the
                         Taskwatch app); its secret comes from the keychain
  --ca-file FILE         extra CA certificates (PEM), e.g. a corporate proxy&apos;s
  --budget-share N       send at most N % of the tenant&apos;s rate limit (100 requests
                         per 10 s per client id), 1-100 (default 50): the rest
                         stays free for other automation using the same client
  Flags win over the environment, which wins over the profile. Without --profile,
  --base-url and SAIL_BASE_URL, the profile &quot;default&quot; is used when it exists.
  Plain http:// is accepted only for this computer (127.0.0.1, ::1, localhost).

  -h, --help             this help
  -v, --version          the version

Exit codes:
  0    every task found (and, for wait, finished with SUCCESS or WARNING);
       clear: every task marked, or found already finished; login and logout: done
  1    wait: a task finished with ERROR, TERMINATED or TEMPERROR;
       clear: the question was answered no (nothing was changed)
  2    usage or configuration error, or the keychain cannot be used
  3    authentication failed (login: the tenant refused the credentials;
       clear: 403, the credentials may not change tasks)
  4    a task was not found
  5    network or server error (clear: also a request that got no answer)
  124  wait timed out
  130  interrupted (Ctrl-C): wait and follow stop cleanly, what they learned is kept
  When several apply, the first in the order 2, 3, 4, 5, 1, 124 is used.
  Errors go to stderr, one line each, with SailPoint&apos;s tracking id when there is one.
</source>
        <translation>Aufruf: taskwatch-cli BEFEHL [OPTIONEN] [ID...]

Beobachtet Aufgaben in SailPoint Identity Security Cloud über die Task-Status-API.

Befehle:
  get ID...    Ruft die Aufgaben einmal ab (gebündelt) und gibt eine Tabelle aus, mit --json
               ein JSON-Array der Task-Status-Objekte, wie sie empfangen wurden.
  wait ID...   Fragt ab, bis jede Aufgabe beendet ist. Im Terminal: eine Live-Zeile pro
               Aufgabe mit Fortschrittsbalken; sonst eine Zeile pro Änderung.
                 --timeout SEKUNDEN  nach dieser Zeit aufgeben (Exit-Code 124)
                 --interval SEKUNDEN die längste Zeit zwischen zwei Prüfungen einer Aufgabe,
                                     1-300 (Standard 5); eine Aufgabe, die vorankommt,
                                     wird etwa jede Sekunde geprüft, im Anteil am Limit
                 --fixed-interval    stattdessen alle --interval Sekunden prüfen
  list         Letzte Aufgaben im Tenant, neueste zuerst: so finden Sie IDs zum Beobachten.
                 --running           nur Aufgaben, die nicht beendet sind (v2025, v2026, v1)
                 --pending           wartende und laufende Aufgaben, auf jeder Version (beta,
                                     v2024, v2025: pending-tasks; v2026, v1: die Liste der
                                     unbeendeten Aufgaben); die Gesamtzahl geht nach stderr
                 --limit N           höchstens N Aufgaben, 1-250 (Standard 20)
                 --json              die Task-Status-Objekte, wie sie empfangen wurden
  clear ID...  Markiert hängende Aufgaben als beendet (PATCH), mit --status error oder
               --status terminated und der jetzigen Zeit als Ende. Jede Aufgabe wird
               zuerst gelesen: eine beendete bleibt, wie sie ist. Dies hält ein Ergebnis
               im Tenant fest; es stoppt keine Arbeit, die dort noch läuft. Im Terminal
               fragt es zuerst [y/N]; ohne Terminal braucht es --yes. Erfordert ein
               persönliches Zugriffstoken eines Admin-Benutzers (Scope
               idn:task-management:write). Eine Anfrage ohne Antwort wird nie erneut
               gesendet: prüfen Sie mit get.
                 --status error|terminated  das festzuhaltende Ergebnis
                 --yes               nicht fragen
  follow       Meldet neue Aufgaben, sobald sie erscheinen, und was dann mit ihnen
               geschieht, bis es unterbrochen wird: eine Zeile pro Ereignis (appeared,
               started, progressed, finished, stalled, overdue, recovered), sofort
               ausgegeben; mit --json ein JSON-Objekt pro Zeile. Runden von höchstens
               2 s, im Anteil am Limit. Braucht v2025, v2026 oder v1. Ändert nie die
               Beobachtungsliste der App.
                 --type TYP          jede neue Aufgabe dieses Typs (wiederholbar)
                 --source ID         jede neue Aufgabe dieser Quelle (wiederholbar)
                 --all               jede neue Aufgabe
                 --json              ein JSON-Objekt pro Ereignis
  login        Speichert ein Verbindungsprofil (--profile NAME, Standard &quot;default&quot;) und
               legt sein Client-Secret im Schlüsselbund des Systems ab. Das Secret wird
               von stdin gelesen (im Terminal ohne Echo getippt). Die Zugangsdaten werden
               zuerst beim Tenant geprüft; werden sie abgelehnt, wird nichts gespeichert.
                 --base-url URL --client-id ID [--api-version V] [--ca-file DATEI]
                                     (bei einem gespeicherten Profil bleibt Ausgelassenes erhalten)
                 --no-verify         speichern, ohne den Tenant zu fragen
  logout       Entfernt ein gespeichertes Profil (--profile NAME, Standard &quot;default&quot;) und
               sein Secret aus dem Schlüsselbund.

Verbindung (get, wait, list, clear, follow):
  --base-url URL         Tenant, z. B. https://acme.api.identitynow.com  [SAIL_BASE_URL]
  --api-version V        beta, v2024, v2025 (Standard), v2026 oder v1
  --client-id ID         ID des API-Clients oder persönlichen Zugriffstokens [SAIL_CLIENT_ID]
  --client-secret-stdin  das Client-Secret aus der ersten Zeile von stdin lesen
                         (sonst aus SAIL_CLIENT_SECRET; nie aus einer Datei)
  --profile NAME         ein gespeichertes Verbindungsprofil (taskwatch-cli login oder
                         die Taskwatch-App); sein Secret kommt aus dem Schlüsselbund
  --ca-file DATEI        zusätzliche CA-Zertifikate (PEM), z. B. die eines Firmen-Proxys
  --budget-share N       höchstens N % des Anfragelimits des Tenants senden (100 Anfragen
                         je 10 s je Client-ID), 1-100 (Standard 50): der Rest bleibt
                         anderer Automatisierung mit demselben Client
  Optionen haben Vorrang vor der Umgebung, diese vor dem Profil. Ohne --profile,
  --base-url und SAIL_BASE_URL wird das Profil &quot;default&quot; verwendet, wenn es existiert.
  Einfaches http:// ist nur für diesen Computer erlaubt (127.0.0.1, ::1, localhost).

  -h, --help             diese Hilfe
  -v, --version          die Version

Exit-Codes:
  0    jede Aufgabe gefunden (und bei wait mit SUCCESS oder WARNING beendet);
       clear: jede Aufgabe markiert oder schon beendet vorgefunden; login und logout: erledigt
  1    wait: eine Aufgabe endete mit ERROR, TERMINATED oder TEMPERROR;
       clear: die Frage wurde mit Nein beantwortet (nichts wurde geändert)
  2    Aufruf- oder Konfigurationsfehler, oder der Schlüsselbund ist nicht nutzbar
  3    Authentifizierung fehlgeschlagen (login: der Tenant lehnte die Zugangsdaten ab;
       clear: 403, die Zugangsdaten dürfen Aufgaben nicht ändern)
  4    eine Aufgabe wurde nicht gefunden
  5    Netzwerk- oder Serverfehler (clear: auch eine Anfrage, die keine Antwort bekam)
  124  Zeitüberschreitung bei wait
  130  unterbrochen (Strg+C): wait und follow enden sauber, das Gelernte bleibt erhalten
  Trifft mehreres zu, gilt das erste in der Reihenfolge 2, 3, 4, 5, 1, 124.
  Fehler gehen nach stderr, je eine Zeile, mit der Tracking-ID von SailPoint, wenn es eine gibt.
</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>the keychain failed</source>
        <translation>der Schlüsselbund ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>the client secret of profile &quot;%1&quot; was saved for %2, not for %3 (from %4): it is not sent to another tenant. Use the profile&apos;s own tenant, or give this tenant&apos;s secret with SAIL_CLIENT_SECRET or --client-secret-stdin</source>
        <translation>das Client-Secret des Profils „%1“ wurde für %2 gespeichert, nicht für %3 (aus %4): es wird an keinen anderen Tenant gesendet. Verwenden Sie den Tenant des Profils, oder geben Sie das Secret dieses Tenants mit SAIL_CLIENT_SECRET oder --client-secret-stdin an</translation>
    </message>
    <message>
        <source>no client secret for profile &quot;%1&quot; (client id %2) in the system keychain: run &apos;%3&apos;, or set SAIL_CLIENT_SECRET</source>
        <translation>kein Client-Secret für das Profil „%1“ (Client-ID %2) im Schlüsselbund des Systems: führen Sie „%3“ aus, oder setzen Sie SAIL_CLIENT_SECRET</translation>
    </message>
    <message>
        <source>cannot read the client secret of profile &quot;%1&quot; from the system keychain</source>
        <translation>das Client-Secret des Profils „%1“ kann nicht aus dem Schlüsselbund des Systems gelesen werden</translation>
    </message>
    <message>
        <source>Or use SAIL_CLIENT_SECRET for this shell instead.</source>
        <translation>Oder verwenden Sie stattdessen SAIL_CLIENT_SECRET für diese Shell.</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>%1 of %2 queued or running tasks shown (--limit)</source>
        <translation>%1 von %2 wartenden oder laufenden Aufgaben gezeigt (--limit)</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>a task was being marked as finished: the tenant may have done it; check with get before trying again</source>
        <translation>eine Aufgabe wurde gerade als beendet markiert: der Tenant hat es vielleicht getan; vor einem neuen Versuch mit get prüfen</translation>
    </message>
</context>
<context>
    <name>ConnectionLine</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading the client secret from the keychain</source>
        <translation>Client-Secret wird aus dem Schlüsselbund gelesen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Demo tenant</source>
        <translation>Demo-Tenant</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline, retrying in %1</source>
        <translation>Offline, neuer Versuch in %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Rate limited, resuming in %1</source>
        <translation>Anfragelimit erreicht, weiter in %1</translation>
    </message>
    <message>
        <source>Rate limited, resuming shortly</source>
        <translation>Anfragelimit erreicht, gleich geht es weiter</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ConnectionPresenter</name>
    <message>
        <source>Signing in to %1 failed: %2 Check the client id and secret in Settings.</source>
        <translation>Die Anmeldung bei %1 ist fehlgeschlagen: %2 Prüfen Sie Client-ID und Secret in den Einstellungen.</translation>
    </message>
    <message>
        <source>The profile %1 cannot connect: %2</source>
        <translation>Das Profil %1 kann keine Verbindung herstellen: %2</translation>
    </message>
    <message>
        <source>The stored client secret of the profile %1 was saved for %2, not for its tenant now (%3), and is not sent there. Enter the secret in Settings.</source>
        <translation>Das gespeicherte Client-Secret des Profils %1 wurde für %2 gespeichert, nicht für seinen jetzigen Tenant (%3), und wird dort nicht hingesendet. Geben Sie das Secret in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>No client secret is stored for the profile %1. Enter it in Settings.</source>
        <translation>Für das Profil %1 ist kein Client-Secret gespeichert. Geben Sie es in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>The client secret for the profile %1 could not be read from the keychain. %2 In Settings you can enter it for this session only.</source>
        <translation>Das Client-Secret des Profils %1 konnte nicht aus dem Schlüsselbund gelesen werden. %2 In den Einstellungen können Sie es nur für diese Sitzung eingeben.</translation>
    </message>
    <message>
        <source>Your watch list (%1) was unreadable and could not be moved aside: %2 Taskwatch will not overwrite it; move or repair it and start again.</source>
        <translation>Ihre Beobachtungsliste (%1) war unlesbar und konnte nicht beiseitegelegt werden: %2 Taskwatch überschreibt sie nicht; verschieben oder reparieren Sie sie und starten Sie erneut.</translation>
    </message>
    <message>
        <source>Your watch list was unreadable and was moved aside to %1. Taskwatch started a new one.</source>
        <translation>Ihre Beobachtungsliste war unlesbar und wurde nach %1 beiseitegelegt. Taskwatch hat eine neue begonnen.</translation>
    </message>
    <message>
        <source>Your watch list could not be saved: %1</source>
        <translation>Ihre Beobachtungsliste konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>No client id is set.</source>
        <translation>Es ist keine Client-ID gesetzt.</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <source>Rate limited</source>
        <translation>Anfragelimit erreicht</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1, resuming in %2.</source>
        <translation>%1, weiter in %2.</translation>
    </message>
    <message>
        <source>%1, retrying in %2.</source>
        <translation>%1, neuer Versuch in %2.</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>The stored secret was saved for another tenant and is never sent to %1: to test a tenant that is not saved, type its secret in the Secret field.</source>
        <translation>Das gespeicherte Secret wurde für einen anderen Tenant gespeichert und wird nie an %1 gesendet: um einen nicht gespeicherten Tenant zu testen, geben Sie sein Secret im Feld Secret ein.</translation>
    </message>
    <message>
        <source>No secret is stored for this profile: type it in the Secret field.</source>
        <translation>Für dieses Profil ist kein Secret gespeichert: geben Sie es im Feld Secret ein.</translation>
    </message>
    <message>
        <source>Connected to %1; it has no recent tasks.</source>
        <translation>Verbunden mit %1; es gibt dort keine aktuellen Aufgaben.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Unlock the login keychain (in Keychain Access) and allow Taskwatch when macOS asks, then try again.</source>
        <translation>Entsperren Sie den Schlüsselbund „Anmeldung“ (in der Schlüsselbundverwaltung) und erlauben Sie Taskwatch den Zugriff, wenn macOS fragt; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Sign in to Windows as the user who runs Taskwatch, so that its Credential Manager is open, then try again.</source>
        <translation>Melden Sie sich bei Windows als der Benutzer an, der Taskwatch ausführt, damit dessen Anmeldeinformationsverwaltung geöffnet ist; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Unlock the login keyring (for example in Passwords and Keys, or in KWallet), then try again.</source>
        <translation>Entsperren Sie den Anmelde-Schlüsselbund (zum Beispiel in „Passwörter und Verschlüsselung“ oder in KWallet); versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Check that the login keychain exists and is unlocked in Keychain Access, then try again.</source>
        <translation>Prüfen Sie, ob der Schlüsselbund „Anmeldung“ existiert und in der Schlüsselbundverwaltung entsperrt ist; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Check that the Windows Credential Manager service is running, then try again.</source>
        <translation>Prüfen Sie, ob der Dienst Windows-Anmeldeinformationsverwaltung läuft; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Check that a keyring (gnome-keyring, or KWallet with its Secret Service) is running and unlocked, then try again.</source>
        <translation>Prüfen Sie, ob ein Schlüsselbund (gnome-keyring oder KWallet mit seinem Secret Service) läuft und entsperrt ist; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>No secret is stored for this profile yet: enter it in the connection settings.</source>
        <translation>Für dieses Profil ist noch kein Secret gespeichert: geben Sie es in den Verbindungseinstellungen ein.</translation>
    </message>
    <message>
        <source>Meanwhile you can keep the secret for this session only: Taskwatch holds it in memory and forgets it when it quits.</source>
        <translation>Bis dahin können Sie das Secret nur für diese Sitzung behalten: Taskwatch hält es im Speicher und vergisst es beim Beenden.</translation>
    </message>
    <message>
        <source>There is no D-Bus session bus, so no keychain can be reached. Start Taskwatch from a desktop session with a keyring running (gnome-keyring or KWallet).</source>
        <translation>Es gibt keinen D-Bus-Sitzungsbus, daher ist kein Schlüsselbund erreichbar. Starten Sie Taskwatch aus einer Desktop-Sitzung mit laufendem Schlüsselbund (gnome-keyring oder KWallet).</translation>
    </message>
    <message>
        <source>No Secret Service is running: start gnome-keyring or KWallet (with its Secret Service enabled), or log in to a desktop session that provides one, then try again.</source>
        <translation>Es läuft kein Secret Service: starten Sie gnome-keyring oder KWallet (mit aktiviertem Secret Service) oder melden Sie sich an einer Desktop-Sitzung an, die einen bereitstellt; versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access.</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>This system offers no keychain that Taskwatch can use.</source>
        <translation>Dieses System bietet keinen Schlüsselbund, den Taskwatch verwenden kann.</translation>
    </message>
    <message>
        <source>Remove Taskwatch&apos;s entry (service &quot;taskwatch&quot;) in your keychain manager by hand.</source>
        <translation>Entfernen Sie den Eintrag von Taskwatch (Dienst „taskwatch“) von Hand in Ihrer Schlüsselbundverwaltung.</translation>
    </message>
    <message>
        <source>The secret is longer than the system&apos;s credential store accepts.</source>
        <translation>Das Secret ist länger, als der Anmeldedatenspeicher des Systems zulässt.</translation>
    </message>
    <message>
        <source>The default keyring is locked, so its secrets cannot be deleted</source>
        <translation>Der Standard-Schlüsselbund ist gesperrt, daher können seine Secrets nicht gelöscht werden</translation>
    </message>
    <message>
        <source>The default keyring is locked, so its secrets cannot be read</source>
        <translation>Der Standard-Schlüsselbund ist gesperrt, daher können seine Secrets nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>DemoTenant</name>
    <message>
        <source>The demo tenant cannot listen on 127.0.0.1: %1</source>
        <translation>Der Demo-Tenant kann nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
    <message>
        <source>A demo task is wrong: %1</source>
        <translation>Eine Demo-Aufgabe ist fehlerhaft: %1</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Demo tenant: connect your own in Settings.</source>
        <translation>Demo-Tenant: verbinden Sie Ihren eigenen in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>DesktopFollowing</name>
    <message>
        <source>Following new tasks of %1 stopped: %2</source>
        <translation>Das Folgen neuer Aufgaben von %1 wurde beendet: %2</translation>
    </message>
</context>
<context>
    <name>DesktopHandOver</name>
    <message>
        <source>Taskwatch is running but watches no tenant now (see its window); the task ids were not added.</source>
        <translation>Taskwatch läuft, beobachtet aber gerade keinen Tenant (siehe sein Fenster); die Aufgaben-IDs wurden nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task id: %2</source>
        <translation>„%1“ ist keine Aufgaben-ID: %2</translation>
    </message>
    <message>
        <source>Taskwatch is running but could not save its watch list (see its window); the task ids are watched until it quits.</source>
        <translation>Taskwatch läuft, konnte aber seine Beobachtungsliste nicht speichern (siehe sein Fenster); die Aufgaben-IDs werden beobachtet, bis es beendet wird.</translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
</context>
<context>
    <name>DesktopOptions</name>
    <message>
        <source>Watch SailPoint Identity Security Cloud tasks.

Without a configured connection Taskwatch starts on a simulated demo tenant. The connection options below apply to this run only; the client secret comes from the SAIL_CLIENT_SECRET environment variable or the keychain, never from the command line.</source>
        <translation>Beobachtet Aufgaben in SailPoint Identity Security Cloud.

Ohne eingerichtete Verbindung startet Taskwatch mit einem simulierten Demo-Tenant. Die Verbindungsoptionen unten gelten nur für diesen Start; das Client-Secret kommt aus der Umgebungsvariable SAIL_CLIENT_SECRET oder aus dem Schlüsselbund, nie von der Befehlszeile.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Watch the simulated demo tenant.</source>
        <translation>Den simulierten Demo-Tenant beobachten.</translation>
    </message>
    <message>
        <source>Start in the system tray (minimised where there is none).</source>
        <translation>Im Infobereich starten (minimiert, wo es keinen gibt).</translation>
    </message>
    <message>
        <source>Tenant API URL, e.g. https://acme.api.identitynow.com (needs --client-id).</source>
        <translation>API-URL des Tenants, z. B. https://acme.api.identitynow.com (braucht --client-id).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>API client or personal access token id.</source>
        <translation>ID des API-Clients oder persönlichen Zugriffstokens.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>beta, v2024, v2025, v2026 or v1 (default: the profile&apos;s).</source>
        <translation>beta, v2024, v2025, v2026 oder v1 (Standard: die des Profils).</translation>
    </message>
    <message>
        <source>v</source>
        <translation>v</translation>
    </message>
    <message>
        <source>Seconds between checks of running tasks (1-300).</source>
        <translation>Sekunden zwischen Prüfungen laufender Aufgaben (1-300).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>sekunden</translation>
    </message>
    <message>
        <source>The watch-list file to use.</source>
        <translation>Die zu verwendende Beobachtungslisten-Datei.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>Force the Fusion style with a light or dark palette.</source>
        <translation>Den Fusion-Stil mit heller oder dunkler Farbpalette erzwingen.</translation>
    </message>
    <message>
        <source>light|dark</source>
        <translation>light|dark</translation>
    </message>
    <message>
        <source>Select this task at start.</source>
        <translation>Diese Aufgabe beim Start auswählen.</translation>
    </message>
    <message>
        <source>Save a picture of the window once the first refresh is in, then quit.</source>
        <translation>Ein Bild des Fensters speichern, sobald die erste Aktualisierung da ist, dann beenden.</translation>
    </message>
    <message>
        <source>Task ids to watch (as the Add dialog takes them: spaces, commas, a JSON array). When Taskwatch already runs they are handed to it and this start ends; without ids, the running window comes to the front.</source>
        <translation>Zu beobachtende Aufgaben-IDs (wie im Dialog Hinzufügen: Leerzeichen, Kommas, ein JSON-Array). Läuft Taskwatch bereits, werden sie ihm übergeben und dieser Start endet; ohne IDs kommt das laufende Fenster nach vorn.</translation>
    </message>
    <message>
        <source>[ID...]</source>
        <translation>[ID...]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task id: %2</source>
        <translation>„%1“ ist keine Aufgaben-ID: %2</translation>
    </message>
    <message>
        <source>--base-url and --client-id go together</source>
        <translation>--base-url und --client-id gehören zusammen</translation>
    </message>
    <message>
        <source>--demo cannot be combined with --base-url</source>
        <translation>--demo kann nicht mit --base-url kombiniert werden</translation>
    </message>
    <message>
        <source>--base-url/--client-id: %1</source>
        <translation>--base-url/--client-id: %1</translation>
    </message>
    <message>
        <source>not a URL</source>
        <translation>keine URL</translation>
    </message>
    <message>
        <source>--api-version: &quot;%1&quot; is not one of beta, v2024, v2025, v2026, v1</source>
        <translation>--api-version: „%1“ ist keiner von beta, v2024, v2025, v2026, v1</translation>
    </message>
    <message>
        <source>--poll-interval: give whole seconds from %1 to %2</source>
        <translation>--poll-interval: geben Sie ganze Sekunden von %1 bis %2 an</translation>
    </message>
    <message>
        <source>--palette: light or dark</source>
        <translation>--palette: light oder dark</translation>
    </message>
    <message>
        <source>--select: the id %1</source>
        <translation>--select: die ID %1</translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>With --screenshot: the window (default), the details, the selected task&apos;s message in a window, or the confirmation to mark it as finished.</source>
        <translation>Mit --screenshot: das Fenster (Standard), die Details, die Meldung der ausgewählten Aufgabe in einem Fenster oder die Bestätigung, sie als beendet zu markieren.</translation>
    </message>
    <message>
        <source>--screenshot-of: window, details, message or clear-dialog, with --screenshot</source>
        <translation>--screenshot-of: window, details, message oder clear-dialog, zusammen mit --screenshot</translation>
    </message>
</context>
<context>
    <name>DesktopTenants</name>
    <message>
        <source>no client secret is saved for it</source>
        <translation>für ihn ist kein Client-Secret gespeichert</translation>
    </message>
    <message>
        <source>its saved secret is for another tenant</source>
        <translation>sein gespeichertes Secret gehört zu einem anderen Tenant</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DesktopTray</name>
    <message>
        <source>&amp;Show Taskwatch</source>
        <translation>Taskwatch &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Pause watching</source>
        <translation>Beobachten &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Resume watching</source>
        <translation>Beobachten &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Taskwatch is still watching</source>
        <translation>Taskwatch beobachtet weiter</translation>
    </message>
    <message>
        <source>It keeps running in the tray. Choose Quit in its menu to end it.</source>
        <translation>Es läuft im Infobereich weiter. Wählen Sie Beenden in seinem Menü, um es zu beenden.</translation>
    </message>
</context>
<context>
    <name>DiscoverDialog</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Discover tasks</source>
        <translation>Aufgaben entdecken</translation>
    </message>
    <message>
        <source>Number of tasks</source>
        <translation>Anzahl der Aufgaben</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Tasks in the tenant</source>
        <translation>Aufgaben im Tenant</translation>
    </message>
    <message>
        <source>&amp;Watch selected</source>
        <translation>Auswahl &amp;beobachten</translation>
    </message>
    <message>
        <source>&amp;Show up to</source>
        <translation>&amp;Bis zu anzeigen</translation>
    </message>
    <message>
        <source>Asking the tenant…</source>
        <translation>Frage den Tenant…</translation>
    </message>
    <message>
        <source>Could not list the tenant&apos;s tasks: %1</source>
        <translation>Die Aufgaben des Tenants konnten nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>%1 (watched)</source>
        <translation>%1 (beobachtet)</translation>
    </message>
    <message>
        <source>Already on the watch list</source>
        <translation>Bereits auf der Beobachtungsliste</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued and &amp;running only</source>
        <translation>Nur wartende und &amp;laufende</translation>
    </message>
    <message>
        <source>Tasks that have not finished: waiting in the queue or running</source>
        <translation>Aufgaben, die nicht beendet sind: in der Warteschlange oder laufend</translation>
    </message>
</context>
<context>
    <name>DisplayState</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Temp error</source>
        <translation>Vorübergehender Fehler</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Fetch error</source>
        <translation>Abruffehler</translation>
    </message>
    <message>
        <source>Auth error</source>
        <translation>Anmeldefehler</translation>
    </message>
</context>
<context>
    <name>FetchProblem</name>
    <message>
        <source>%1 (tracking id %2)</source>
        <translation>%1 (Tracking-ID %2)</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>&amp;Running</source>
        <translation>&amp;Laufend</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>&amp;Fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Succeeded</source>
        <translation>&amp;Erfolgreich</translation>
    </message>
    <message>
        <source>Error, temp error and terminated tasks</source>
        <translation>Aufgaben mit Fehler, vorübergehendem Fehler oder Abbruch</translation>
    </message>
    <message>
        <source>Tasks that succeeded, with or without warnings</source>
        <translation>Erfolgreiche Aufgaben, mit oder ohne Warnungen</translation>
    </message>
    <message>
        <source>Queued and running tasks</source>
        <translation>Wartende und laufende Aufgaben</translation>
    </message>
    <message>
        <source>Search names, ids, targets and messages (Ctrl+F)</source>
        <translation>Namen, IDs, Ziele und Meldungen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Aufgaben suchen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>FollowDialog</name>
    <message>
        <source>&amp;Add rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>Regel &amp;entfernen</translation>
    </message>
    <message>
        <source>Follow new tasks</source>
        <translation>Neuen Aufgaben folgen</translation>
    </message>
    <message>
        <source>New tasks that match a rule join the watch list by themselves, labelled with the rule, whether they are still running or already finished. Each rule is one request every two seconds, within Taskwatch&apos;s share of the rate limit.</source>
        <translation>Neue Aufgaben, auf die eine Regel passt, kommen von selbst in die Beobachtungsliste, mit der Regel als Bezeichnung, ob sie noch laufen oder schon beendet sind. Jede Regel ist eine Anfrage alle zwei Sekunden, innerhalb des Anteils am Ratenlimit, den Taskwatch nutzt.</translation>
    </message>
    <message>
        <source>Every new task</source>
        <translation>Jede neue Aufgabe</translation>
    </message>
    <message>
        <source>Tasks of type</source>
        <translation>Aufgaben vom Typ</translation>
    </message>
    <message>
        <source>Tasks on source</source>
        <translation>Aufgaben auf der Quelle</translation>
    </message>
    <message>
        <source>This profile&apos;s API version cannot follow: the task lists of beta and v2024 hold completed tasks only. Choose v2025, v2026 or v1 in Settings.</source>
        <translation>Mit der API-Version dieses Profils lässt sich nicht folgen: Die Aufgabenlisten von beta und v2024 enthalten nur abgeschlossene Aufgaben. Wählen Sie v2025, v2026 oder v1 in den Einstellungen.</translation>
    </message>
    <message>
        <source>Tasks of type %1</source>
        <translation>Aufgaben vom Typ %1</translation>
    </message>
    <message>
        <source>Tasks on source %1</source>
        <translation>Aufgaben auf der Quelle %1</translation>
    </message>
    <message>
        <source>e.g. CLOUD_ACCOUNT_AGGREGATION</source>
        <translation>z. B. CLOUD_ACCOUNT_AGGREGATION</translation>
    </message>
    <message>
        <source>the source&apos;s id</source>
        <translation>die ID der Quelle</translation>
    </message>
    <message>
        <source>This rule is already followed.</source>
        <translation>Dieser Regel wird schon gefolgt.</translation>
    </message>
    <message>
        <source>Cannot add: %1</source>
        <translation>Nicht hinzuzufügen: %1</translation>
    </message>
    <message>
        <source>No rules yet: only the tasks you add are watched.</source>
        <translation>Noch keine Regeln: Beobachtet werden nur die Aufgaben, die Sie hinzufügen.</translation>
    </message>
</context>
<context>
    <name>FollowRule</name>
    <message>
        <source>following every task takes no value</source>
        <translation>das Verfolgen jeder Aufgabe nimmt keinen Wert</translation>
    </message>
    <message>
        <source>a task type is an upper-case code such as CLOUD_ACCOUNT_AGGREGATION</source>
        <translation>ein Aufgabentyp ist ein Code in Großbuchstaben wie CLOUD_ACCOUNT_AGGREGATION</translation>
    </message>
    <message>
        <source>a source id %1</source>
        <translation>eine Quellen-ID %1</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Leave the search field</source>
        <translation>Das Suchfeld verlassen</translation>
    </message>
    <message>
        <source>About Taskwatch</source>
        <translation>Über Taskwatch</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (gebaut mit %2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Taskwatch %1&lt;/h3&gt;&lt;p&gt;Watches SailPoint Identity Security Cloud tasks: progress, outcome and every message.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;qtkeychain %3&lt;/p&gt;&lt;p&gt;Licence: MIT. Copyright © 2026 Taskwatch developers.&lt;/p&gt;&lt;p&gt;Documentation: the &lt;a href=&quot;%4&quot;&gt;README&lt;/a&gt;, and the manual page &lt;tt&gt;man taskwatch&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Taskwatch %1&lt;/h3&gt;&lt;p&gt;Beobachtet Aufgaben von SailPoint Identity Security Cloud: Fortschritt, Ergebnis und jede Meldung.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;qtkeychain %3&lt;/p&gt;&lt;p&gt;Lizenz: MIT. Copyright © 2026 Taskwatch-Entwickler.&lt;/p&gt;&lt;p&gt;Dokumentation: die &lt;a href=&quot;%4&quot;&gt;README&lt;/a&gt; und die Handbuchseite &lt;tt&gt;man taskwatch&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Documentation (README)</source>
        <translation>&amp;Dokumentation (README)</translation>
    </message>
    <message>
        <source>Open the README in the browser; installed, the manual page is man taskwatch</source>
        <translation>Die README im Browser öffnen; installiert ist die Handbuchseite man taskwatch</translation>
    </message>
    <message>
        <source>&amp;About Taskwatch</source>
        <translation>Ü&amp;ber Taskwatch</translation>
    </message>
</context>
<context>
    <name>HistoryLog</name>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Running again</source>
        <translation>Läuft wieder</translation>
    </message>
    <message>
        <source>Fetch failed</source>
        <translation>Abruf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Fetch recovered</source>
        <translation>Abruf wieder erfolgreich</translation>
    </message>
    <message>
        <source>Marked as finished</source>
        <translation>Als beendet markiert</translation>
    </message>
    <message>
        <source>marked as %1 by %2</source>
        <translation>als %1 markiert von %2</translation>
    </message>
    <message>
        <source>Mark not confirmed</source>
        <translation>Markierung nicht bestätigt</translation>
    </message>
    <message>
        <source>asked to mark as %1 by %2; no answer confirmed it</source>
        <translation>von %2 als %1 zu markieren gebeten; keine Antwort hat es bestätigt</translation>
    </message>
</context>
<context>
    <name>JsonTree</name>
    <message>
        <source>{1 field}</source>
        <translation>{1 Feld}</translation>
    </message>
    <message numerus="yes">
        <source>{%n fields}</source>
        <translation>
            <numerusform>{%n Feld}</numerusform>
            <numerusform>{%n Felder}</numerusform>
        </translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Eintrag]</translation>
    </message>
    <message numerus="yes">
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n Eintrag]</numerusform>
            <numerusform>[%n Einträge]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Taskwatch</source>
        <translation>Taskwatch</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add tasks…</source>
        <translation>Aufgaben &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Watch tasks by id</source>
        <translation>Aufgaben nach ID beobachten</translation>
    </message>
    <message>
        <source>&amp;Discover…</source>
        <translation>&amp;Entdecken…</translation>
    </message>
    <message>
        <source>Pick tasks from the tenant&apos;s recent ones</source>
        <translation>Aufgaben aus den letzten des Tenants auswählen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Stop watching the selected tasks</source>
        <translation>Die ausgewählten Aufgaben nicht mehr beobachten</translation>
    </message>
    <message>
        <source>&amp;Undo remove</source>
        <translation>Entfernen &amp;rückgängig</translation>
    </message>
    <message>
        <source>Bring back the tasks removed last</source>
        <translation>Die zuletzt entfernten Aufgaben zurückholen</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Ask for every task&apos;s status now</source>
        <translation>Jetzt den Status aller Aufgaben abfragen</translation>
    </message>
    <message>
        <source>Refresh &amp;selected</source>
        <translation>&amp;Ausgewählte aktualisieren</translation>
    </message>
    <message>
        <source>Ask for the selected tasks&apos; status now</source>
        <translation>Jetzt den Status der ausgewählten Aufgaben abfragen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Pause or resume watching</source>
        <translation>Beobachten pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Search the watched tasks</source>
        <translation>Die beobachteten Aufgaben durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Copy id</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected tasks&apos; ids</source>
        <translation>Die IDs der ausgewählten Aufgaben kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste ids</source>
        <translation>IDs ein&amp;fügen</translation>
    </message>
    <message>
        <source>Watch the task ids on the clipboard</source>
        <translation>Die Aufgaben-IDs aus der Zwischenablage beobachten</translation>
    </message>
    <message>
        <source>Copy &amp;details</source>
        <translation>&amp;Details kopieren</translation>
    </message>
    <message>
        <source>Copy the selected task&apos;s details</source>
        <translation>Die Details der ausgewählten Aufgabe kopieren</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save a report of the selected task</source>
        <translation>Einen Bericht über die ausgewählte Aufgabe speichern</translation>
    </message>
    <message>
        <source>Pause &amp;watching selected</source>
        <translation>Beobachten der Ausgewählten &amp;pausieren</translation>
    </message>
    <message>
        <source>Stop polling the selected tasks for now</source>
        <translation>Die ausgewählten Aufgaben vorerst nicht abfragen</translation>
    </message>
    <message>
        <source>Resume watching selected</source>
        <translation>Beobachten der Ausgewählten fortsetzen</translation>
    </message>
    <message>
        <source>Poll the selected tasks again</source>
        <translation>Die ausgewählten Aufgaben wieder abfragen</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Connection, polling and notifications</source>
        <translation>Verbindung, Abfrage und Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Aufgaben</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Copied the task id.</source>
        <translation>Aufgaben-ID kopiert.</translation>
    </message>
    <message>
        <source>Copied %1 task ids.</source>
        <translation>%1 Aufgaben-IDs kopiert.</translation>
    </message>
    <message>
        <source>The clipboard holds no task ids.</source>
        <translation>Die Zwischenablage enthält keine Aufgaben-IDs.</translation>
    </message>
    <message>
        <source>Those tasks are already watched.</source>
        <translation>Diese Aufgaben werden bereits beobachtet.</translation>
    </message>
    <message>
        <source>Adding 1 task.</source>
        <translation>1 Aufgabe wird hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n tasks.</source>
        <translation>
            <numerusform>%n Aufgabe entfernt.</numerusform>
            <numerusform>%n Aufgaben entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n tasks.</source>
        <translation>
            <numerusform>%n Aufgabe wiederhergestellt.</numerusform>
            <numerusform>%n Aufgaben wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %n tasks.</source>
        <translation>
            <numerusform>%n Aufgabe wird hinzugefügt.</numerusform>
            <numerusform>%n Aufgaben werden hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>the demo tenant</source>
        <translation>dem Demo-Tenant</translation>
    </message>
    <message numerus="yes">
        <source>%n already watched.</source>
        <translation>
            <numerusform>%n bereits beobachtet.</numerusform>
            <numerusform>%n bereits beobachtet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as &amp;finished…</source>
        <translation>Als &amp;beendet markieren…</translation>
    </message>
    <message>
        <source>Set a stuck task&apos;s outcome in the tenant (Error or Terminated)</source>
        <translation>Das Ergebnis einer hängenden Aufgabe im Tenant setzen (Fehler oder Abgebrochen)</translation>
    </message>
    <message>
        <source>F&amp;ollow…</source>
        <translation>Fo&amp;lgen…</translation>
    </message>
    <message>
        <source>Let new tasks of a type, on a source, or all of them join by themselves</source>
        <translation>Neue Aufgaben eines Typs, auf einer Quelle oder alle von selbst hinzukommen lassen</translation>
    </message>
    <message>
        <source>the tenant of profile “%1”</source>
        <translation>der Tenant des Profils „%1“</translation>
    </message>
</context>
<context>
    <name>MessageTable</name>
    <message>
        <source>All messages</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informationen</translation>
    </message>
    <message>
        <source>Show messages of type</source>
        <translation>Meldungen dieses Typs anzeigen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Messages (%1, 1 error)</source>
        <translation>Meldungen (%1, 1 Fehler)</translation>
    </message>
    <message>
        <source>Messages (%1, %2 errors)</source>
        <translation>Meldungen (%1, %2 Fehler)</translation>
    </message>
    <message>
        <source>Messages (%1)</source>
        <translation>Meldungen (%1)</translation>
    </message>
    <message>
        <source>All, errors first</source>
        <translation>Alle, Fehler zuerst</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>started</source>
        <translation>wurde gestartet</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>war erfolgreich</translation>
    </message>
    <message>
        <source>finished with warnings</source>
        <translation>wurde mit Warnungen beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>was terminated</source>
        <translation>wurde abgebrochen</translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation>Aufgabe %1: %2</translation>
    </message>
    <message>
        <source>%1 task updates: %2</source>
        <translation>%1 Aufgabenänderungen: %2</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…und %n weitere</numerusform>
            <numerusform>…und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>No progress since %1.</source>
        <translation>Kein Fortschritt seit %1.</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>kommt nicht voran</translation>
    </message>
</context>
<context>
    <name>PreferencesTab</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Notify when a task</source>
        <translation>Benachrichtigen, wenn eine Aufgabe</translation>
    </message>
    <message>
        <source>&amp;starts</source>
        <translation>&amp;startet</translation>
    </message>
    <message>
        <source>s&amp;ucceeds</source>
        <translation>&amp;erfolgreich endet</translation>
    </message>
    <message>
        <source>ends with a &amp;warning</source>
        <translation>mit einer &amp;Warnung endet</translation>
    </message>
    <message>
        <source>&amp;fails (error or temporary error)</source>
        <translation>&amp;fehlschlägt (Fehler oder vorübergehender Fehler)</translation>
    </message>
    <message>
        <source>is ter&amp;minated by someone</source>
        <translation>von jemandem &amp;abgebrochen wird</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Start minimised to the &amp;tray</source>
        <translation>Minimiert im &amp;Infobereich starten</translation>
    </message>
    <message>
        <source>No system tray is available here, so Taskwatch cannot start hidden in it: it opens its window instead.</source>
        <translation>Hier ist kein Infobereich verfügbar, daher kann Taskwatch nicht versteckt darin starten: es öffnet stattdessen sein Fenster.</translation>
    </message>
    <message>
        <source>&amp;Launch at login</source>
        <translation>Bei der Anmeldung &amp;starten</translation>
    </message>
    <message>
        <source>Launching at login is not supported on this system yet.</source>
        <translation>Der Start bei der Anmeldung wird auf diesem System noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>Show the tenant&apos;s &amp;queue depth in the status bar (one request a minute)</source>
        <translation>Die &amp;Warteschlange des Tenants in der Statusleiste zeigen (eine Anfrage pro Minute)</translation>
    </message>
    <message>
        <source>The longest a watched task waits between checks, in seconds</source>
        <translation>Die längste Zeit, die eine beobachtete Aufgabe zwischen zwei Prüfungen wartet, in Sekunden</translation>
    </message>
    <message>
        <source>Chec&amp;k at least every:</source>
        <translation>&amp;Prüfen mindestens alle:</translation>
    </message>
    <message>
        <source>(a task that moves is checked about once a second)</source>
        <translation>(eine Aufgabe, die vorankommt, wird etwa jede Sekunde geprüft)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The part of the tenant&apos;s rate limit Taskwatch may use, in percent</source>
        <translation>Der Anteil am Anfragelimit des Tenants, den Taskwatch nutzen darf, in Prozent</translation>
    </message>
    <message>
        <source>Use at m&amp;ost:</source>
        <translation>Höc&amp;hstens nutzen:</translation>
    </message>
    <message>
        <source>of the rate limit (100 requests per 10 s per client; the rest is left to other automation using the same client)</source>
        <translation>des Anfragelimits (100 Anfragen je 10 s je Client; der Rest bleibt anderer Automatisierung mit demselben Client)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A running task whose progress has not changed for this long is shown as stalled, in minutes</source>
        <translation>Eine laufende Aufgabe, deren Fortschritt sich so lange nicht geändert hat, wird als hängend gezeigt, in Minuten</translation>
    </message>
    <message>
        <source>Stalled wit&amp;hout progress for:</source>
        <translation>&amp;Ohne Fortschritt hängend nach:</translation>
    </message>
    <message>
        <source>stalls (&amp;no progress for that long)</source>
        <translation>nicht &amp;vorankommt (so lange ohne Fortschritt)</translation>
    </message>
</context>
<context>
    <name>ProfileRules</name>
    <message>
        <source>Leave out the user name and password: the client id and secret have their own fields.</source>
        <translation>Lassen Sie Benutzername und Passwort weg: Client-ID und Secret haben eigene Felder.</translation>
    </message>
    <message>
        <source>This is not a valid address: look for spaces or stray characters.</source>
        <translation>Dies ist keine gültige Adresse: achten Sie auf Leerzeichen oder überzählige Zeichen.</translation>
    </message>
    <message>
        <source>Start the address with https://, e.g. https://acme.api.identitynow.com</source>
        <translation>Beginnen Sie die Adresse mit https://, z. B. https://acme.api.identitynow.com</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Die Adresse hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Leave out everything from the ? or # on.</source>
        <translation>Lassen Sie alles ab dem ? oder # weg.</translation>
    </message>
    <message>
        <source>Use https://. Plain http:// would send the secret unencrypted; it is allowed only to this computer (127.0.0.1, ::1, localhost).</source>
        <translation>Verwenden Sie https://. Einfaches http:// würde das Secret unverschlüsselt senden; es ist nur zu diesem Computer erlaubt (127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
        <source>Leave out the version path (/%1): choose the API version below.</source>
        <translation>Lassen Sie den Versionspfad (/%1) weg: wählen Sie die API-Version unten.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>A name cannot contain / or \.</source>
        <translation>Ein Name darf kein / oder \ enthalten.</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Verwenden Sie höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Another profile already has this name.</source>
        <translation>Ein anderes Profil hat bereits diesen Namen.</translation>
    </message>
    <message>
        <source>Enter the client id of the API client or personal access token.</source>
        <translation>Geben Sie die Client-ID des API-Clients oder persönlichen Zugriffstokens ein.</translation>
    </message>
    <message>
        <source>Give the full path of the certificate file.</source>
        <translation>Geben Sie den vollständigen Pfad der Zertifikatsdatei an.</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>Unter diesem Pfad gibt es keine Datei.</translation>
    </message>
    <message>
        <source>This is not a readable file.</source>
        <translation>Dies ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>Enter the tenant&apos;s API address, e.g. https://acme.api.identitynow.com, or its name (acme)</source>
        <translation>Geben Sie die API-Adresse des Tenants ein, z. B. https://acme.api.identitynow.com, oder seinen Namen (acme)</translation>
    </message>
</context>
<context>
    <name>RemovedProfileTasks</name>
    <message>
        <source>Tasks of a removed profile</source>
        <translation>Aufgaben eines entfernten Profils</translation>
    </message>
    <message>
        <source>The removed profile %1 still has tasks in the watch list (%2). What should become of them?</source>
        <translation>Das entfernte Profil %1 hat noch Aufgaben in der Beobachtungsliste (%2). Was soll mit ihnen geschehen?</translation>
    </message>
    <message>
        <source>&amp;Move to %1</source>
        <translation>Nach %1 &amp;verschieben</translation>
    </message>
    <message>
        <source>&amp;Stop watching them</source>
        <translation>Nicht mehr &amp;beobachten</translation>
    </message>
    <message>
        <source>&amp;Keep them for later</source>
        <translation>Für später b&amp;ehalten</translation>
    </message>
    <message>
        <source>They stay in the watch list, unseen, and come back with a profile of this name</source>
        <translation>Sie bleiben unsichtbar in der Beobachtungsliste und kommen mit einem Profil dieses Namens zurück</translation>
    </message>
</context>
<context>
    <name>RunHistoryStore</name>
    <message>
        <source>The run history %1 could not be read: %2</source>
        <translation>Der Laufverlauf %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The run history was damaged (%1); it was moved to %2 and starts again</source>
        <translation>Der Laufverlauf war beschädigt (%1); er wurde nach %2 verschoben und beginnt neu</translation>
    </message>
</context>
<context>
    <name>SettingsApplier</name>
    <message>
        <source>The secret of the removed profile %1 could not be deleted: %2</source>
        <translation>Das Secret des entfernten Profils %1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>The secret of %1 could not be moved in the keychain: %2</source>
        <translation>Das Secret von %1 konnte im Schlüsselbund nicht verschoben werden: %2</translation>
    </message>
    <message>
        <source>The secret of %1 could not be stored in the keychain and is kept for this session only. %2</source>
        <translation>Das Secret von %1 konnte nicht im Schlüsselbund gespeichert werden und wird nur für diese Sitzung behalten. %2</translation>
    </message>
    <message>
        <source>Launch at login could not be changed: %1</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>The settings could not be saved (%1).</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden (%1).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Preferences</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Watch with:</source>
        <translation>&amp;Beobachten mit:</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Rena&amp;me</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>The profile&apos;s stored secret is deleted too when you press OK.</source>
        <translation>Das gespeicherte Secret des Profils wird beim Klick auf OK ebenfalls gelöscht.</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Show the secret as you type it</source>
        <translation>Das Secret beim Tippen anzeigen</translation>
    </message>
    <message>
        <source>Use this secret for this session &amp;only</source>
        <translation>Dieses Secret &amp;nur für diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>Keeps the secret in memory until Taskwatch quits; you type it again next time.</source>
        <translation>Hält das Secret im Speicher, bis Taskwatch beendet wird; beim nächsten Mal geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>Optional: your proxy&apos;s CA certificate (PEM)</source>
        <translation>Optional: das CA-Zertifikat Ihres Proxys (PEM)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Signs in and asks the tenant for task status with these settings</source>
        <translation>Meldet sich mit diesen Einstellungen an und fragt den Tenant nach dem Aufgabenstatus</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation>API-&amp;Version:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>No connection profile yet. Press Add to create one for your tenant.</source>
        <translation>Noch kein Verbindungsprofil. Klicken Sie auf Hinzufügen, um eines für Ihren Tenant anzulegen.</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>Neues Profil %1</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unchanged; type here to replace the stored secret</source>
        <translation>Unverändert; hier tippen, um das gespeicherte Secret zu ersetzen</translation>
    </message>
    <message>
        <source>The client secret or personal access token</source>
        <translation>Das Client-Secret oder persönliche Zugriffstoken</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Verbindung zu %1 wird getestet…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation>Das Secret verbergen</translation>
    </message>
    <message>
        <source>acme, https://acme.identitynow.com or the API address</source>
        <translation>acme, https://acme.identitynow.com oder die API-Adresse</translation>
    </message>
    <message>
        <source>Will connect to %1</source>
        <translation>Verbindet sich mit %1</translation>
    </message>
    <message>
        <source>Its tasks show in the same table, with its name in the Tenant column; it has a rate-limit budget of its own</source>
        <translation>Seine Aufgaben erscheinen in derselben Tabelle, mit seinem Namen in der Spalte Tenant; er hat ein eigenes Budget im Ratenlimit</translation>
    </message>
    <message>
        <source>Watch this t&amp;enant too while another profile is current</source>
        <translation>Diesen Tenant &amp;zusätzlich beobachten, während ein anderes Profil aktuell ist</translation>
    </message>
</context>
<context>
    <name>SettingsSession</name>
    <message>
        <source>Secrets are kept in your system&apos;s keychain, never in Taskwatch&apos;s files.</source>
        <translation>Secrets werden im Schlüsselbund Ihres Systems aufbewahrt, nie in den Dateien von Taskwatch.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Taskwatch is already running but did not answer within %1 s.</source>
        <translation>Taskwatch läuft bereits, hat aber nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Taskwatch is already running but closed the connection without an answer.</source>
        <translation>Taskwatch läuft bereits, hat die Verbindung aber ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Taskwatch is already running but its answer was unreadable (%1).</source>
        <translation>Taskwatch läuft bereits, aber seine Antwort war unlesbar (%1).</translation>
    </message>
    <message>
        <source>The running Taskwatch could not read the request (%1).</source>
        <translation>Das laufende Taskwatch konnte die Anfrage nicht lesen (%1).</translation>
    </message>
    <message>
        <source>The running Taskwatch is still starting; try again.</source>
        <translation>Das laufende Taskwatch startet noch; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No tasks watched</source>
        <translation>Keine Aufgaben beobachtet</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message>
        <source>Taskwatch — %1 failed, %2 running of %3</source>
        <translation>Taskwatch — %1 fehlgeschlagen, %2 laufend von %3</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <translation>%1 hängend</translation>
    </message>
    <message>
        <source>; %1 stalled (no progress for a while)</source>
        <translation>; %1 hängend (eine Weile ohne Fortschritt)</translation>
    </message>
</context>
<context>
    <name>TaskClearer</name>
    <message>
        <source>The task is already being marked as finished; nothing more was sent.</source>
        <translation>Die Aufgabe wird bereits als beendet markiert; es wurde nichts weiter gesendet.</translation>
    </message>
    <message>
        <source>The tenant answered, but the task shows %1.</source>
        <translation>Der Tenant hat geantwortet, aber die Aufgabe zeigt %1.</translation>
    </message>
</context>
<context>
    <name>TaskClearing</name>
    <message>
        <source>Terminated</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Task %1 is now marked as %2.</source>
        <translation>Die Aufgabe %1 ist jetzt als %2 markiert.</translation>
    </message>
    <message>
        <source>Task %1 had already finished (%2): left as it is.</source>
        <translation>Die Aufgabe %1 war schon beendet (%2): sie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Task %1 was not changed: %2</source>
        <translation>Die Aufgabe %1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>Task %1: asked to mark it as %2, but it could not be confirmed (%3). It may or may not be marked; the request was not sent again. Refresh the task before trying again.</source>
        <translation>Aufgabe %1: Sie sollte als %2 markiert werden, aber das ließ sich nicht bestätigen (%3). Sie ist vielleicht markiert, vielleicht nicht; die Anfrage wurde nicht erneut gesendet. Aktualisieren Sie die Aufgabe, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>TaskDetailView</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the task id</source>
        <translation>Die Aufgaben-ID kopieren</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>Prozent abgeschlossen</translation>
    </message>
    <message>
        <source>C&amp;opy details</source>
        <translation>Details k&amp;opieren</translation>
    </message>
    <message>
        <source>Copy every field, message and return as text</source>
        <translation>Alle Felder, Meldungen und Rückgaben als Text kopieren</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save a Markdown or JSON report for a support ticket</source>
        <translation>Einen Markdown- oder JSON-Bericht für ein Support-Ticket speichern</translation>
    </message>
    <message>
        <source>Task id:</source>
        <translation>Aufgaben-ID:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Launcher:</source>
        <translation>Gestartet von:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Launched:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>Abgeschlossen:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgaben</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 (watching paused)</source>
        <translation>%1 (Beobachten pausiert)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Last check failed: %1</source>
        <translation>Letzte Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>not launched yet</source>
        <translation>noch nicht gestartet</translation>
    </message>
    <message>
        <source>no percentage yet</source>
        <translation>noch kein Prozentwert</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>Returns (%1)</source>
        <translation>Rückgaben (%1)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Unique name</source>
        <translation>Eindeutiger Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführer</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <source>Copied the task id</source>
        <translation>Aufgaben-ID kopiert</translation>
    </message>
    <message>
        <source>Copied the details of %1</source>
        <translation>Details von %1 kopiert</translation>
    </message>
    <message>
        <source>Could not save the report to %1: %2</source>
        <translation>Der Bericht konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the report to %1</source>
        <translation>Bericht unter %1 gespeichert</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Select a task to see its details.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Its fields and progress, every message read whole (errors first if you like), the returns, attributes and raw JSON, the history seen while watching, and a report to hand to support.&lt;/p&gt;&lt;p&gt;No tasks yet? Add them by id (%1), paste ids (%2) or pick from the tenant&apos;s recent ones (%3). All shortcuts: %4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Wählen Sie eine Aufgabe, um ihre Details zu sehen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ihre Felder und ihr Fortschritt, jede Meldung vollständig (auf Wunsch Fehler zuerst), die Rückgaben, Attribute und das rohe JSON, der beim Beobachten gesehene Verlauf und ein Bericht für den Support.&lt;/p&gt;&lt;p&gt;Noch keine Aufgaben? Fügen Sie sie per ID hinzu (%1), fügen Sie IDs ein (%2) oder wählen Sie aus den letzten des Tenants (%3). Alle Tastenkürzel: %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Copied the whole text (%1)</source>
        <translation>Den ganzen Text kopiert (%1)</translation>
    </message>
</context>
<context>
    <name>TaskMessage</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>TaskMonitor</name>
    <message>
        <source>Rate limited by the tenant.</source>
        <translation>Der Tenant hat das Anfragelimit erreicht.</translation>
    </message>
</context>
<context>
    <name>TaskStatusClient</name>
    <message>
        <source>The task list could not be read: %1</source>
        <translation>Die Aufgabenliste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The task status could not be read: %1</source>
        <translation>Der Aufgabenstatus konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The tenant answered with task %1 when asked for task %2; the answer was not used.</source>
        <translation>Der Tenant antwortete auf die Frage nach Aufgabe %2 mit Aufgabe %1; die Antwort wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>The tenant&apos;s answer had no X-Total-Count header.</source>
        <translation>Der Antwort des Tenants fehlte der Header X-Total-Count.</translation>
    </message>
</context>
<context>
    <name>TaskTable</name>
    <message>
        <source>Watched tasks</source>
        <translation>Beobachtete Aufgaben</translation>
    </message>
</context>
<context>
    <name>TlsTrust</name>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM or DER certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM- oder DER-Zertifikat.</translation>
    </message>
    <message>
        <source>%1 (the certificate is for %2)</source>
        <translation>%1 (das Zertifikat gilt für %2)</translation>
    </message>
    <message>
        <source>%1 (it expired on %2 UTC)</source>
        <translation>%1 (es ist am %2 UTC abgelaufen)</translation>
    </message>
    <message>
        <source>%1 (it is valid from %2 UTC)</source>
        <translation>%1 (es gilt erst ab %2 UTC)</translation>
    </message>
</context>
<context>
    <name>TokenProvider</name>
    <message>
        <source>The token endpoint answered without an access token.</source>
        <translation>Der Token-Endpunkt antwortete ohne Zugriffstoken.</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Die Authentifizierung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>UrlPolicy</name>
    <message>
        <source>No tenant URL is set.</source>
        <translation>Es ist keine Tenant-URL gesetzt.</translation>
    </message>
    <message>
        <source>The tenant URL must not contain a user name or password.</source>
        <translation>Die Tenant-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The tenant URL is not a valid URL: %1.</source>
        <translation>Die Tenant-URL ist keine gültige URL: %1.</translation>
    </message>
    <message>
        <source>The tenant URL must start with https:// (got &quot;%1:&quot;).</source>
        <translation>Die Tenant-URL muss mit https:// beginnen (erhalten: „%1:“).</translation>
    </message>
    <message>
        <source>The tenant URL has no host name.</source>
        <translation>Die Tenant-URL hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The tenant URL must not have a query or fragment (use e.g. https://acme.api.identitynow.com).</source>
        <translation>Die Tenant-URL darf keine Query und kein Fragment haben (verwenden Sie z. B. https://acme.api.identitynow.com).</translation>
    </message>
    <message>
        <source>Refusing plain http:// to %1: secrets and tokens would travel unencrypted. Use https:// (http:// is allowed only to this computer, e.g. 127.0.0.1).</source>
        <translation>Unverschlüsseltes http:// zu %1 wird abgelehnt: Secrets und Tokens würden unverschlüsselt übertragen. Verwenden Sie https:// (http:// ist nur zu diesem Computer erlaubt, z. B. 127.0.0.1).</translation>
    </message>
</context>
<context>
    <name>WatchList</name>
    <message>
        <source>it cannot be read (%1)</source>
        <translation>sie kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>The watch list %1 could not be used: %2. It was kept as %3; Taskwatch starts with an empty list.</source>
        <translation>Die Beobachtungsliste %1 konnte nicht verwendet werden: %2. Sie wurde als %3 aufbewahrt; Taskwatch beginnt mit einer leeren Liste.</translation>
    </message>
    <message>
        <source>The watch list %1 could not be used: %2. It could not be moved aside either, so Taskwatch starts with an empty list and will not save over it.</source>
        <translation>Die Beobachtungsliste %1 konnte nicht verwendet werden: %2. Sie konnte auch nicht beiseitegelegt werden; daher beginnt Taskwatch mit einer leeren Liste und speichert nicht über sie.</translation>
    </message>
    <message>
        <source>The watch list could not be saved to %1: %2</source>
        <translation>Die Beobachtungsliste konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The watch list is not saved: the unusable file %1 is still in the way.</source>
        <translation>Die Beobachtungsliste wird nicht gespeichert: Die unbrauchbare Datei %1 ist noch im Weg.</translation>
    </message>
    <message>
        <source>another process holds its lock %1</source>
        <translation>ein anderer Prozess hält ihre Sperre %1</translation>
    </message>
    <message>
        <source>its lock %1 cannot be created</source>
        <translation>ihre Sperre %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>WatchListModel</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Launcher</source>
        <translation>Gestartet von</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <source>Last fetch error</source>
        <translation>Letzter Abruffehler</translation>
    </message>
    <message>
        <source>Running time so far, or how long a finished task ran</source>
        <translation>Bisherige Laufzeit, oder wie lange eine beendete Aufgabe lief</translation>
    </message>
    <message>
        <source>Estimated time left, from how fast the percentage has been climbing</source>
        <translation>Geschätzte Restzeit, danach berechnet, wie schnell der Prozentwert gestiegen ist</translation>
    </message>
    <message>
        <source>Why the last look at the task failed, if it did</source>
        <translation>Warum der letzte Blick auf die Aufgabe fehlschlug, falls er fehlschlug</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (pausiert)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>%1; next check %2</source>
        <translation>%1; nächste Prüfung %2</translation>
    </message>
    <message>
        <source>%1 · stalled</source>
        <translation>%1 · hängt</translation>
    </message>
    <message>
        <source>Stalled: no progress since %1</source>
        <translation>Hängt: kein Fortschritt seit %1</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · überfällig</translation>
    </message>
    <message>
        <source>Overdue: usually %1, now %2</source>
        <translation>Überfällig: sonst %1, jetzt %2</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>The connection profile the task is watched through; type tenant:NAME in the search to see only its tasks</source>
        <translation>Das Verbindungsprofil, über das die Aufgabe beobachtet wird; tenant:NAME in der Suche zeigt nur seine Aufgaben</translation>
    </message>
</context>
<context>
    <name>WatchStatusBar</name>
    <message>
        <source>Last refresh %1</source>
        <translation>Zuletzt aktualisiert %1</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Queue: 1 task</source>
        <translation>Warteschlange: 1 Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n tasks</source>
        <translation>
            <numerusform>Warteschlange: %n Aufgabe</numerusform>
            <numerusform>Warteschlange: %n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued and running tasks on the tenant, read at %1 (once a minute)</source>
        <translation>Wartende und laufende Aufgaben im Tenant, gelesen um %1 (einmal pro Minute)</translation>
    </message>
    <message>
        <source>Queue: unknown</source>
        <translation>Warteschlange: unbekannt</translation>
    </message>
    <message>
        <source>The tenant&apos;s queue depth could not be read: %1</source>
        <translation>Die Warteschlange des Tenants konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>WholeText</name>
    <message>
        <source>Select a row to read it whole here.</source>
        <translation>Wählen Sie eine Zeile, um sie hier vollständig zu lesen.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this text whole</source>
        <translation>Diesen Text vollständig kopieren</translation>
    </message>
    <message>
        <source>Open in a window</source>
        <translation>In einem Fenster öffnen</translation>
    </message>
    <message>
        <source>Read this text in a window of its own</source>
        <translation>Diesen Text in einem eigenen Fenster lesen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message numerus="yes">
        <source>Taskwatch is already running: %n task id(s) added</source>
        <translation>
            <numerusform>Taskwatch läuft bereits: %n Aufgaben-ID hinzugefügt</numerusform>
            <numerusform>Taskwatch läuft bereits: %n Aufgaben-IDs hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already watched</source>
        <translation>
            <numerusform>, %n bereits beobachtet</numerusform>
            <numerusform>, %n bereits beobachtet</numerusform>
        </translation>
    </message>
    <message>
        <source>Try &apos;taskwatch --help&apos;.</source>
        <translation>Siehe „taskwatch --help“.</translation>
    </message>
    <message>
        <source>Try &apos;taskwatch-cli --help&apos;.</source>
        <translation>Siehe „taskwatch-cli --help“.</translation>
    </message>
    <message>
        <source>clear changes tasks on the tenant: without a terminal to ask on, confirm with --yes</source>
        <translation>clear ändert Aufgaben im Tenant: ohne Terminal zum Nachfragen bestätigen Sie mit --yes</translation>
    </message>
</context>
</TS>
