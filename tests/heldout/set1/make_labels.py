#!/usr/bin/env python3
"""Hand labels for the held-out set (written by hand, per /work/shared/corpus/README.md).
Each item: (text, owner, due, section[, debatable]). 'debatable' items are also listed in
labels-debatable.json so scores can be reported with and without them."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from write_labels import write  # noqa: E402

D = {}   # id -> (items, notes)
CPM = "Corrective and Preventative Measures"

D["h001"] = ([
  ("Conduct a comprehensive review of load balancer configurations for all services.", None, None, CPM+" > Improvements/Fixes"),
  ("Enhance monitoring alerts for quicker identification of traffic distribution issues.", None, None, CPM+" > Improvements/Fixes"),
  ("Load Balancer Configuration Review: Perform a detailed audit of load balancer configurations.", None, "2023-12-22", CPM+" > Tasks"),
  ("Monitoring Enhancement: Update monitoring system to include alerts for uneven traffic distribution.", None, "2023-12-20", CPM+" > Tasks"),
  ("Documentation Update: Document the incident, root cause, and resolution for future reference.", None, "2023-12-21", CPM+" > Tasks"),
  ("Training Session: Conduct a training session for operations and DevOps teams on identifying and resolving load balancer issues.", None, "2024-01-10", CPM+" > Tasks"),
], "No Markdown at all: every section body is indented by 4/8/12 spaces, so a renderer shows it as one indented code block (as in s004, indentation-only layouts are labeled; the code-block exclusion is for real code/log blocks). Under 'Tasks:' each task is a bare title line ('Load Balancer Configuration Review:') with two deeper-indented lines 'Task: ...' and 'Deadline: <Month D, YYYY>.'; title + task line form one item ('Title: description'), the 'Task:' prefix is a generic marker left out (ambiguous: s002 kept a 'Task:' sub-entry inside its parent's text) and the Deadline line is metadata recorded as the ISO due date. Not labeled: the Resolution line 'Automated checks implemented to prevent similar misconfigurations in the future.' (done), timeline entries, and the Conclusion ('The identified tasks will be diligently executed ...' - closing summary).")

D["h002"] = ([
  ("Test! Test test test. Test the application before deploying. This error would have arisen and could have been addressed earlier had the app been tested.", None, None, "Prevention"),
  ("Status monitoring. Enable some uptime-monitoring service such as UptimeRobot to alert instantly upon outage of the website.", None, None, "Prevention"),
], "Holberton-style write-up ('## Debugging Process' numbered past-tense steps, '## Summation', '## Prevention'). The two '* ' bullets under '## Prevention' wrap onto unindented continuation lines (lazy continuation) and are kept whole; the link is reduced to its text. The lead-in 'please keep the following in mind' makes them read like advice to the reader (ambiguous), but they are the document's only preventive measures, so they are labeled (as s019). Not labeled: 'Note that in response to this error, I wrote a Puppet manifest ... to automate fixing ...' (done work), the closing joke ('it will never occur again, because we're programmers ...'), the numbered debugging steps ('Removed the trailing p', 'Wrote a Puppet manifest ...').")

D["h003"] = ([
  ("Modifying configuration files for more error logging to quicken response times", None, None, CPM),
  ("Test before deploying on all servers no matter how small an update", None, None, CPM, True),
], "Plain text, no Markdown: title lines, section names as bare lines, timeline lines without markers. After the lead-in 'After a discussion it has been decided we can prevent this in the future by:' come two task lines (gerund, then imperative); the second line runs on into the closing remark without punctuation ('... no matter how small an update This is only a small incident so we are doing great! Thanks for your patience ...'): the item text stops before 'This is only a small incident' (the closing remark is not part of the task; a prediction that keeps it still matches). Not labeled: timeline '10:13 AM Execute Puppet manifest across all company servers' (imperative inside the timeline), the Root Cause and Resolution paragraph (done).")

D["h004"] = ([
  ("run Nginx with a less-privileged user", None, None, CPM),
  ("check default settings in files", None, None, CPM),
  ("add monitoring system", None, None, CPM),
], "Section names are bare lines (no '#'); the timeline is one paragraph per entry ('7:56 PM: Engineers stop running the service with sudo ...' - done steps). The measures are a '1. 2. 3.' numbered list of short lowercase imperatives; each is one item. Not labeled: timeline and root-cause/resolution prose.")

D["h005"] = ([
  ("Configuration Management: Implement stricter controls and automated validation checks for load balancer configuration changes to prevent misconfigurations.", None, None, CPM+" > Improvements"),
  ("Monitoring Enhancements: Improve monitoring to include load balancer health checks that can detect misconfigurations earlier.", None, None, CPM+" > Improvements"),
  ("Incident Response Training: Conduct a review session with all relevant teams to improve cross-team communication and reduce time spent on incorrect root cause assumptions.", None, None, CPM+" > Improvements"),
  ("Review and patch the load balancer to include automated configuration validation before applying any changes.", None, None, CPM+" > Tasks"),
  ("Enhance monitoring systems to include more granular alerts for network and load balancer issues.", None, None, CPM+" > Tasks"),
  ("Implement a rollback mechanism for critical network configurations to allow for quicker resolution of similar issues in the future.", None, None, CPM+" > Tasks"),
  ("Schedule an incident postmortem meeting with all involved teams to discuss lessons learned and prevent recurrence.", None, None, CPM+" > Tasks"),
], "Plain text, no Markdown, no blank lines at all (a renderer shows each section as one paragraph). Bare label lines ('Issue Summary', 'Duration:', 'Improvements:', 'Tasks:'); improvements are 'Label: description' lines (label kept), tasks are bare imperative lines; one line = one item. Improvements and tasks overlap (validation, monitoring) but are separate entries. Not labeled: timeline lines ('09:50 AM UTC - Load balancer configuration was corrected ...'), the Root Cause / Resolution lines (which use the same 'Label:' layout).")

D["h006"] = ([
  ("Strengthen code review processes - our vigilant script editors.", None, None, CPM+" > Improvements/Fixes"),
  ("Implement automated testing for edge cases and recursion scenarios - a safety net for our acrobatic code.", None, None, CPM+" > Improvements/Fixes"),
  ("Enhance real-time monitoring - a watchtower to spot potential code villains.", None, None, CPM+" > Improvements/Fixes"),
  ("Conduct regular training sessions - like rehearsals for our talented development and operations teams.", None, None, CPM+" > Improvements/Fixes"),
], "Humorous; bold pseudo-headings ('**Issue Summary:**') with nested '- **Label:**' group bullets whose sub-bullets hold the content; an image placeholder. The four sub-bullets under '- **Improvements/Fixes:**' are the measures (joke tails after ' - ' kept as part of the entries). There is no separate task list. Not labeled: the two Resolution lists - in particular 'Implemented stricter code review processes to catch potential recursion villains in future deployments.' and 'Enhanced automated testing to include more exhaustive scenarios ...' under Root Cause and Resolution > Resolution, which are past-tense reports that overlap items 1-2; the timeline 'Actions Taken' / 'Misleading Paths' bullets; the closing paragraph ('we promise you a blockbuster streaming experience ...').")

D["h007"] = ([
  ("Ensure that status of a service whose configuration file has been altered is checked after restart/reload.", None, None, "Corrective Measures"),
  ("Before closing and saving the configuration files, double-check that the correct syntax is being used.", None, None, "Corrective Measures"),
], "'##' headings; the timeline is one run-on paragraph with a '* ' list of log lines breaking into it (the list items continue the timeline text: 'She then opened the file ... and added a semicolon'). '## Corrective Measures' holds two '* ' imperative bullets. Not labeled: timeline and Root Cause and Resolution (done steps: 'She ran the command sudo service nginx status', 'a semicolon was appended'), the '## Link' blog URL and the '@123mame' signature.")

D["h008"] = ([
  ("Patching the load balancer configuration to ensure correct traffic distribution.", None, None, CPM+" > A List Of Tasks To Address The Issue", True),
  ("Adding monitoring for load balancer performance metrics.", None, None, CPM+" > A List Of Tasks To Address The Issue"),
  ("Conducting regular audits of load balancer settings to prevent future misconfigurations.", None, None, CPM+" > A List Of Tasks To Address The Issue"),
], "Plain label lines ('Issue Summary:', 'Timeline:') with '- ' lists; two list entries are run together on one line ('... busy Monday morning. - Impact: ...'). Under 'Corrective and Preventative Measures:' the first bullet 'Improvements/Fixes: I have implemented regular audits ... Additionally, I have set up automated monitoring and alerting ...' is a first-person report of work already done - not an item (ambiguous: it sits in the measures section and overlaps the tasks); the second bullet 'A List Of Tasks To Address The Issue:' is a group label written as a list entry at the same level as its tasks (like s011) - not an item. The three gerund bullets after it are the tasks. Item 1 was already done in the resolution ('This was fixed by adjusting the load balancer settings') but is listed as a task, so it is labeled (as s012/s020; ambiguous). Not labeled: timeline bullets, root cause text.")

D["h009"] = ([
  ("Preventing the use of bash scripts as a form of patching and introduction to the use of puppet scripts.", None, None, "Corrective and preventive measures", True),
  ("Adding a load bancer and an additional web server as a backup.", None, None, "Corrective and preventive measures", True),
  ("Introduction of datadog as a monitoring tool and to avaoid relying to users..", None, None, "Corrective and preventive measures", True),
  ("Introduction of page duty to have developers on call for imediate fix..", None, None, "Corrective and preventive measures", True),
  ("Introduction of rollback configarations.", None, None, "Corrective and preventive measures", True),
  ("Testing of new features and updates of the configarations in sandboxes before pushing to a production server.", None, None, "Corrective and preventive measures", True),
], "Centered raw-HTML <h1> title, a broken <a> tag in the intro, '##'/'###' headings, timeline lines ending in a backslash hard break. 'Corrective and preventive measures' is a bare line (no '#') right after the Resolution paragraph, followed by a two-line lead-in and six bare lines, one noun-phrase measure each (typos and double periods kept, whitespace collapsed). The lead-in is past passive ('The following prevent measures were introduced to avoid such outages.'), so the six lines could be read as work already done; the lines themselves are noun phrases, not past-tense reports, so - as in s016 ('we had to;') - they are labeled. All six are flagged debatable. Not labeled: the lead-in lines, the timeline ('10:07 AM EAT: Failed Configuration fixed'), the Resolution paragraph.")

D["h010"] = ([
  ("Strengthen deployment pipelines to catch configuration errors earlier.", None, None, CPM+" > Improvements"),
  ("Improve monitoring to detect service failures immediately after deployments.", None, None, CPM+" > Improvements"),
  ("Formalize rollback procedures to reduce recovery time.", None, None, CPM+" > Improvements"),
  ("Implement pre-deployment configuration validation: Add nginx -t as a CI/CD step for all Nginx config changes.", None, "2024-03-30", "Tasks"),
  ("Enhance monitoring: Create alerts for failed Nginx reloads and HTTP error rates >5%.", None, "2024-04-05", "Tasks"),
  ("Deploy canary releases: Test configuration changes on 10% of servers before full rollout.", None, "2024-04-10", "Tasks"),
  ("Document rollback playbook: Include explicit steps to restart dependencies post-rollback.", None, "2024-03-25", "Tasks"),
  ("Conduct postmortem review: Train team on configuration management best practices.", None, "2024-03-20", "Tasks"),
], "Entries start with '*' directly followed by text ('*Strengthen ...'), so they are not Markdown list items but one paragraph each (blank lines between); the leading '*' is left out (like s020's '-'). '## Tasks:' is an H2 sibling after '## Corrective and Preventative Measures' (section 'Tasks', as in s003). Tasks are 'Label: description' entries ending with '(Due: March 30)' etc.: the due note is metadata; the document gives day and month but no year, so the year 2024 is taken from the incident date (February 15, 2024) - ambiguous. Not labeled: the Resolution entries ('*Rollback: Reverted to the previous Nginx configuration ...', '*Validation: Manually tested ...', '*Restart: Executed ...') - same layout, past tense; the timeline.")

D["h011"] = ([
  ("Make the bot syncer more efficient (batch requests)", None, None, "☑️ Follow-up tasks"),
  ("Increase logging on bot, state when an error has been hit (we had no indication of this inside Discord, we need that)", None, None, "☑️ Follow-up tasks"),
  ("Adjust resource alerts to page DevOps members earlier.", None, None, "☑️ Follow-up tasks"),
  ("Apply resource limits to site to prevent major spikes", None, None, "☑️ Follow-up tasks"),
], "Same template as o004/o014 (YAML front matter, emoji '# ' headings with italic template prompts). '# ☑️ Follow-up tasks' has four checkboxes, three checked ('- [x]  ...', two spaces after the box) and one open; all four are labeled (done entries of a task list). Not labeled: 'We reduced some alert thresholds in order to catch RAM & CPU spikes faster in the future.' (Detection, done - overlaps item 3), 'Resource limits were also put into place on site ...' (Recovery, done - overlaps item 4), 'See the follow up tasks on exactly how we can avoid this in future' (pointer), the Five Why's and 'Lessons learned' bullets, the italic template prompts, and the Python code block.")

D["h012"] = ([
  ("We need to be more careful when deploying sweeping prow changes, aka, have more e2e tests, or have a real staging Prow should give us more confidence.", None, None, "Action items"),
], "Same Google-SRE-like template as o003/o009/o018. '## Action items' has one '- ' bullet wrapped over two lines, a run-on sentence that names a goal and two means (e2e tests, a real staging Prow); kept as one item (one list entry). Not labeled: the 'What went poorly' bullet 'We really need a real staging Prow :-) ... ideally for k8s prow we should have a very similar staging area..' (observation that overlaps the item), the HTML comment '<!-- TODO(krzyzacy): better understand why this is not deterministic ... -->' under Root Cause (hidden, author housekeeping - ambiguous), the timeline, and the long Slack chat log ('We should consider reverting plank to use the old client ...', 'shall we roll back to last week?', code blocks).")

D["h013"] = ([
  ("Chia plans to have a 3rd party security company perform a “red team” (researchers trying to overcome cyber security controls) assessment, based on the generous donation of time Adnan Khan put into providing Chia information on the attack.", None, None, "Resolution and recovery"),
  ("Chia Network is actively working on getting the compromised hosts rebuilt and back into working order.", None, None, "Resolution and recovery", True),
  ("All certificates and secrets are being rotated.", None, None, "Resolution and recovery", True),
  ("In addition to secret rotation work there are also changes coming to how our runners are managed to get away from static (or non ephemeral) runners wherever possible.", None, None, "Resolution and recovery"),
  ("Further segmentation of internal and public facing hosts is also under way.", None, None, "Resolution and recovery"),
], "Prose only; no action list and no corrective section: all forward-looking work is in paragraphs of '## Resolution and recovery'. Labeled one item per task sentence: the planned red-team assessment, the host rebuild (in progress), the rotation of all certificates and secrets (in progress), the move away from static runners ('changes coming') and further segmentation ('under way'). Items 2-3 are recovery work in progress rather than prevention and are flagged debatable (a reader could treat them as resolution steps). Not labeled: the elaborating sentences about rotation ('we are proceeding as if all secrets were exfiltrated', per-OS status: Apple being updated, Linux already re-secured, Windows pending), 'All other Chia Network Inc secrets are also being rotated and replaced with new as well.' (restates item 3), 'Our goal is to remove as much attack surface as possible with these upgrades.' (goal summary), the contact with the researcher, and the timeline (GitHub setting changes, runners stopped - done). Curly quotes kept.")

D["h014"] = ([
  ("More training will be conducted in the future to increase awareness and level of knowledge of employees, improving early detection of phishing attempts.", None, None, "Resolution and recovery"),
], "Chia template (Issue Summary / Timeline / Resolution and recovery), italic date lines in the timeline. The only forward-looking sentence is the last paragraph of '## Resolution and recovery' (wrapped over two lines, the second starting with a space); labeled as one item. Not labeled: the containment/recovery sentences in the same section (done), the timeline (scans, reporting as phishing).")

D["h015"] = ([
  ("Alex thinks we really need a close monitoring of systemd to avoid having services down without noticing (it also happened with mail service). The best would be to use systemd exporter for prometheus and monitor general systemctl state and state of important services. This would help restarting all needed services after that kind off incidents.", None, None, "Lessons learned"),
  ("a prometheus exporter on ZFS could have alerted on slack about disk space usage, which might have lead to better reactivity, maybe even before incident.", None, None, "Lessons learned"),
  ("the mongodb import on staging (github action) should check for available disk space before trying to get the MongoDB file and fail otherwise.", None, None, "Lessons learned"),
], "Ops report (Alert / Investigation / Mitigation / What happened / Lessons learned), no final newline. Under '## Lessons learned' the entries are paragraphs led by bold status markers: '**DONE**: ...' and three '**TODO**' paragraphs (with or without a colon). The markers are generic status markers and left out of the text. The first TODO paragraph spans two lines (one paragraph, kept whole). TODO 2 is phrased as hindsight ('could have alerted') but is marked TODO, so it is a task. Owner of TODO 1 is not set ('Alex thinks ...' is an opinion, not an assignment). Not labeled: '**DONE**: Alex added blog, odoo (connect) and wiki to monitored site in prometheus.' - written as a report of work already done (ambiguous: it is an entry of the same marker list, and a DONE-marked task would be labeled); 'It's a good idea to look at the proxmox graph about disk usage ...' (lesson); the Mitigation steps (snapshots removed, containers restarted) and 'we had an alert ... by email, but the email was only sent on saturday'.")

D["h016"] = ([
  ("Revert Docker storage driver to vfs", "olivier", None, "Action Items"),
  ("Snapshot off-net CT and start a new CT from the snapshot", "charles", None, "Action Items"),
  ("Create vanilla CT with storage driver vfs and re-deploy openfoodfacts.net on it + ZFS Mounts + NGINX config change", "charles,olivier,stephane,christian", None, "Action Items"),
  ("Open ticket to Proxmox forums to investigate the crash", "charles", None, "Action Items"),
  ("Run all crashed Docker containers on QEMU VM for stability + ZFS mounts + NGINX configuration", "olivier,charles,stephane,christian", None, "Action Items"),
  ("Document a clear realistic “acceptable downtime” for each CT/VM/machines we manage (using the existing spreadsheet).", None, None, "Supporting information", True),
  ("Document the main owner and his/her co-owner (?) of each machine, ie people able to restore a service within the “acceptable downtime” and owning this responsibility.", None, None, "Supporting information", True),
  ("Decide how we document the infrastructure (not well decided yet).", None, None, "Supporting information", True),
  ("Is it possible to publish only real alerts in #infrastructure-alerts? Eg, only publish alerts if the machine is down for more than 15 minutes. Most of the alerts seems to be false positives.", None, None, "Supporting information", True),
  ("Define a process to resolve future incidents (e.g. should we systematically file a github issue for each incident?)", None, None, "Supporting information", True),
], "Google-SRE template: bold metadata lines (Date, Authors, Status 'Complete, action items in progress', Summary, Impact, Root Causes, Trigger), then '## Action Items' with a table 'Action Item | Type | Owner | Status' whose header cells are bold; five rows labeled with per-row owners as written (comma lists kept). Statuses DONE / FAILED / IN PROGRESS / TODO and an issue URL in the Status column are metadata; the FAILED and DONE rows are still labeled (entries of the action table). The five '- ' bullets under the final '## Supporting information:' heading are imperative process tasks (document acceptable downtime, document owners, decide how to document, reduce alert noise - phrased as a question -, define an incident process); they are labeled although the heading is not an action heading, because they form a list of tasks and nothing else in the document holds them (ambiguous; all five flagged debatable; the corpus excluded forward-looking sentences outside the action section in o014, but those were principles/lessons in prose). Not labeled: the Resolution bullets '**Short term:** revert Docker storage driver configuration ...' and '**Long term:** run Docker containers in a QEMU host instead.' (resolution summary restating rows 1 and 5); 'What went wrong' bullets, including 'No explicit alert message was sent ... -> need integration tests on openfoodfacts-server repository' (lesson with an implied task) and 'should have done the storage engine change on only 1 host and wait' (hindsight); the timeline; '### What we learned'. Note: '## Lessons Learned' directly follows the table, and the heading '## Timeline' has no blank line before it.")

D["h017"] = ([
  ("will avoid creating one in the future unless absolutely necessary, moreover ensuring that they have a built in expiration.", None, None, "Response", True),
], "PyPI blog post (YAML front matter, '<!-- more -->', diff and bash code blocks, footnotes). No action list. The only commitment is the second half of a sentence in '## Response' ('I have revoked the one and only GitHub access token related to my account, and will avoid creating one in the future unless absolutely necessary, moreover ensuring that they have a built in expiration.'); as in o010 the text keeps the task clause only (ambiguous: it is a personal practice rather than a tracked task, hence flagged debatable). Not labeled: 'a few changes have been made to mitigate future risk' and 'Cabotage is now entirely self-hosting ... deployment builds are initiated from clean checkouts of source only' (done); '## Takeaways' ('This is a great reminder to set aggressive expiration dates for API tokens ..., treat .pyc files as if they were source code, and perform builds on automated systems from clean source only') - general advice/lessons for readers; footnotes 2-3 ('We've asked JFrog ... and will update this post if they provide them') - post housekeeping; the timeline; the deploy script and diff in code blocks.")

D["h018"] = ([
  ("We need to document the process of deploying changes to production, in particular how to pick the Git commit and how to review the changeset. Defining a process will enable us to iterate and improve it over time, and avoid the same issue in the future.", None, None, "Postmortem"),
  ("Changes that have been developed and tested in isolation on staging should be deployed individually and in sequence to production. We need to add this to the documentation.", None, None, "Postmortem"),
  ("When we merge changes into the main branch, we need to ensure that they get deployed to production as well. This avoids a drift between the configuration in Git and what is deployed.", None, None, "Postmortem"),
], "Rust blog post with TOML front matter ('+++' delimiters: layout/date/title/author/team) and a reference-style link definition at the end. Under '## Postmortem', after two analysis paragraphs, the lead-in 'The lessons that we are taking away from this incident are as follows:' introduces three '  - ' bullets (indented two spaces, wrapped over several lines); they are lessons that list actions ('We need to document ...', 'We need to add this to the documentation', 'we need to ensure ...'), so each bullet is an item with all its sentences (one paragraph each; backticks removed). Item 2 is a rule plus a documentation task, kept as one entry. Not labeled: 'The outage could have been avoided by deploying the changes ... individually' (hindsight), the Resolution, the root-cause narrative.")

D["h019"] = ([
  ("add ALB healthchecks to cycle_asg script.", None, None, "Remediation Items"),
  ("create a management domain in VPC for shared infrastructure.", None, None, "Remediation Items"),
  ("add a lab terraform environment for testing VPC changes.", None, None, "Remediation Items"),
  ("export instance journald logs for gunicorn and nginx to CloudWatch.", None, None, "Remediation Items"),
], "Personal-site blog post (YAML front matter with a folded 'summary: >-' block), '###'/'####' headings, bracketed-time timeline. '### Remediation Items' has four '- ' bullets that each START with a tracker link ('[GH-103](...): add ALB healthchecks ...', '[GH-101 (Done)](...): ...', '[Done](commit url): ...'); the leading link is a tracker reference / status note and is left out of the text (README names trailing references; a leading one is treated the same), the lowercase task after the colon is the item. Two entries are marked Done in the link text and are still labeled (task entries). Not labeled: the '#### ASG cycler did not validate instances are healthy in ALB' paragraph in Root Cause Analysis ('Automate checking that hosts come up cleanly ... Automatically detach unhealthy hosts from the ALB and halt the rollout.') - imperatives in the root-cause analysis that overlap item 1 (ambiguous); the 'Did not allow egress ...' error bullets; the timeline.")

D["h020"] = ([], "No action items. File starts with a blank line. The root cause is a list of '* 1.', '* 2.', '* 3.' bullets (list marker followed by a number) describing bugs, followed by bullets describing the attack's effects; '## Resolution and recovery' reports the workaround in v2.5.1 and a '* 1. ... * 3.' list of fixes included in v2.5.2 written in the present tense ('SpendBundles submitted to the mempool that only contained fast-forward spends are rejected.', '... we don't update the item in the mempool ...', '... is validated to ensure ...') - describing shipped fixes, not tasks. The timeline reports the hotfix and release (done).")

write(D, os.path.dirname(os.path.abspath(__file__)))
