#!/usr/bin/env python3
"""Writes the delivery that run-load.sh sends: a GitHub-shaped pull_request "closed" payload of a merged pull
request, padded to about 25 KB, and its X-Hub-Signature-256 / X-Hub-Signature values.

Deterministic (no clock, no randomness): the same arguments give the same bytes and the same signature.

    gen-payload.py --secret S --repo acme/loadtest --bytes 25600 --out DIR
    -> DIR/body.json  DIR/signature256  DIR/signature1
"""
import argparse
import hashlib
import hmac
import json
import os

API = "https://api.github.com"
WEB = "https://github.com"


def user(login, uid, kind="User"):
    u = f"{API}/users/{login}"
    return {
        "login": login, "id": uid, "node_id": f"MDQ6VXNlcj{uid:08d}", "avatar_url": f"https://avatars.githubusercontent.com/u/{uid}?v=4",
        "gravatar_id": "", "url": u, "html_url": f"{WEB}/{login}", "followers_url": f"{u}/followers",
        "following_url": f"{u}/following{{/other_user}}", "gists_url": f"{u}/gists{{/gist_id}}",
        "starred_url": f"{u}/starred{{/owner}}{{/repo}}", "subscriptions_url": f"{u}/subscriptions",
        "organizations_url": f"{u}/orgs", "repos_url": f"{u}/repos", "events_url": f"{u}/events{{/privacy}}",
        "received_events_url": f"{u}/received_events", "type": kind, "user_view_type": "public", "site_admin": False,
    }


def repository(full_name, rid, owner, pushed_at):
    r = f"{API}/repos/{full_name}"
    name = full_name.split("/")[1]
    return {
        "id": rid, "node_id": f"R_kgDOH{rid:07d}", "name": name, "full_name": full_name, "private": True, "owner": owner,
        "html_url": f"{WEB}/{full_name}", "description": "Runbooks, postmortems and the on-call handbook", "fork": False, "url": r,
        "forks_url": f"{r}/forks", "keys_url": f"{r}/keys{{/key_id}}", "collaborators_url": f"{r}/collaborators{{/collaborator}}",
        "teams_url": f"{r}/teams", "hooks_url": f"{r}/hooks", "issue_events_url": f"{r}/issues/events{{/number}}",
        "events_url": f"{r}/events", "assignees_url": f"{r}/assignees{{/user}}", "branches_url": f"{r}/branches{{/branch}}",
        "tags_url": f"{r}/tags", "blobs_url": f"{r}/git/blobs{{/sha}}", "git_tags_url": f"{r}/git/tags{{/sha}}",
        "git_refs_url": f"{r}/git/refs{{/sha}}", "trees_url": f"{r}/git/trees{{/sha}}", "statuses_url": f"{r}/statuses/{{sha}}",
        "languages_url": f"{r}/languages", "stargazers_url": f"{r}/stargazers", "contributors_url": f"{r}/contributors",
        "subscribers_url": f"{r}/subscribers", "subscription_url": f"{r}/subscription", "commits_url": f"{r}/commits{{/sha}}",
        "git_commits_url": f"{r}/git/commits{{/sha}}", "comments_url": f"{r}/comments{{/number}}",
        "issue_comment_url": f"{r}/issues/comments{{/number}}", "contents_url": f"{r}/contents/{{+path}}",
        "compare_url": f"{r}/compare/{{base}}...{{head}}", "merges_url": f"{r}/merges", "archive_url": f"{r}/{{archive_format}}{{/ref}}",
        "downloads_url": f"{r}/downloads", "issues_url": f"{r}/issues{{/number}}", "pulls_url": f"{r}/pulls{{/number}}",
        "milestones_url": f"{r}/milestones{{/number}}", "notifications_url": f"{r}/notifications{{?since,all,participating}}",
        "labels_url": f"{r}/labels{{/name}}", "releases_url": f"{r}/releases{{/id}}", "deployments_url": f"{r}/deployments",
        "created_at": "2021-06-14T08:12:55Z", "updated_at": "2025-03-02T17:40:11Z", "pushed_at": pushed_at,
        "git_url": f"git://github.com/{full_name}.git", "ssh_url": f"git@github.com:{full_name}.git",
        "clone_url": f"{WEB}/{full_name}.git", "svn_url": f"{WEB}/{full_name}", "homepage": None, "size": 48213,
        "stargazers_count": 12, "watchers_count": 12, "language": "Markdown", "has_issues": True, "has_projects": True,
        "has_downloads": True, "has_wiki": False, "has_pages": False, "has_discussions": False, "forks_count": 0,
        "mirror_url": None, "archived": False, "disabled": False, "open_issues_count": 37, "license": None,
        "allow_forking": False, "is_template": False, "web_commit_signoff_required": False,
        "topics": ["incident-response", "postmortems", "sre"], "visibility": "private", "forks": 0, "open_issues": 37,
        "watchers": 12, "default_branch": "main", "allow_squash_merge": True, "allow_merge_commit": True,
        "allow_rebase_merge": False, "allow_auto_merge": True, "delete_branch_on_merge": True, "allow_update_branch": True,
        "use_squash_pr_title_as_default": True, "squash_merge_commit_message": "PR_BODY", "squash_merge_commit_title": "PR_TITLE",
        "merge_commit_message": "PR_TITLE", "merge_commit_title": "MERGE_MESSAGE",
    }


POSTMORTEM = """## Summary

On 2025-02-27 between 09:12 and 10:47 UTC the checkout API returned 502 for 31 % of requests after the
certificate of the internal payments gateway expired. No payment was taken twice.

## Action items

| Action | Owner | Due | Priority |
| --- | --- | --- | --- |
| Alert 21 days before any internal certificate expires | @dana | 2025-03-14 | P1 |
| Move the gateway certificate to the automated issuer | @lee | 2025-03-31 | P1 |
| Add the gateway to the synthetic checkout probe | @sam | 2025-03-21 | P2 |

"""


def payload(repo, target_bytes):
    owner = user(repo.split("/")[0], 81234567, "Organization")
    author, merger, reviewer, sender = user("dana-ops", 5512340), user("lee-sre", 7712345), user("sam-oncall", 9912346), user("lee-sre", 7712345)
    number, sha, merge_sha, base_sha = 1842, "6dcb09b5b57875f334f61aebed695e2e4193db5e", "e5bd3914e2e596debea16f433f57875b5b90bcd6", "9049f1265b7d61be4a8904a9a27120d2064dab3b"
    pr = f"{API}/repos/{repo}/pulls/{number}"
    iss = f"{API}/repos/{repo}/issues/{number}"
    html = f"{WEB}/{repo}/pull/{number}"
    repo_obj = repository(repo, 375512098, owner, "2025-03-03T09:00:02Z")
    body = {
        "action": "closed",
        "number": number,
        "pull_request": {
            "url": pr, "id": 2318844061, "node_id": "PR_kwDOFlYl0s6KNd2d", "html_url": html, "diff_url": f"{html}.diff",
            "patch_url": f"{html}.patch", "issue_url": iss, "number": number, "state": "closed", "locked": False,
            "title": "Postmortem: payments gateway certificate expiry (2025-02-27)", "user": author, "body": "",
            "created_at": "2025-02-28T14:03:19Z", "updated_at": "2025-03-03T09:00:01Z", "closed_at": "2025-03-03T09:00:00Z",
            "merged_at": "2025-03-03T09:00:00Z", "merge_commit_sha": merge_sha, "assignee": author, "assignees": [author],
            "requested_reviewers": [], "requested_teams": [],
            "labels": [{"id": 5123456789, "node_id": "LA_kwDOFlYl0s8AAAABMWj3FQ", "url": f"{API}/repos/{repo}/labels/postmortem",
                        "name": "postmortem", "color": "d93f0b", "default": False, "description": "Incident write-up"}],
            "milestone": None, "draft": False, "commits_url": f"{pr}/commits", "review_comments_url": f"{pr}/comments",
            "review_comment_url": f"{API}/repos/{repo}/pulls/comments{{/number}}", "comments_url": f"{iss}/comments",
            "statuses_url": f"{API}/repos/{repo}/statuses/{sha}",
            "head": {"label": f"{repo.split('/')[0]}:postmortem/2025-02-27-gateway-cert", "ref": "postmortem/2025-02-27-gateway-cert",
                     "sha": sha, "user": owner, "repo": repository(repo, 375512098, owner, "2025-03-03T09:00:01Z")},
            "base": {"label": f"{repo.split('/')[0]}:main", "ref": "main", "sha": base_sha, "user": owner,
                     "repo": repository(repo, 375512098, owner, "2025-03-03T09:00:02Z")},
            "_links": {"self": {"href": pr}, "html": {"href": html}, "issue": {"href": iss}, "comments": {"href": f"{iss}/comments"},
                       "review_comments": {"href": f"{pr}/comments"}, "review_comment": {"href": f"{API}/repos/{repo}/pulls/comments{{/number}}"},
                       "commits": {"href": f"{pr}/commits"}, "statuses": {"href": f"{API}/repos/{repo}/statuses/{sha}"}},
            "author_association": "MEMBER", "auto_merge": None, "active_lock_reason": None, "merged": True, "mergeable": None,
            "rebaseable": None, "mergeable_state": "unknown", "merged_by": merger, "comments": 4, "review_comments": 2,
            "maintainer_can_modify": False, "commits": 3, "additions": 142, "deletions": 6, "changed_files": 2,
        },
        "repository": repo_obj,
        "organization": {"login": owner["login"], "id": owner["id"], "node_id": "O_kgDOBNc1Bw", "url": f"{API}/orgs/{owner['login']}",
                         "repos_url": f"{API}/orgs/{owner['login']}/repos", "events_url": f"{API}/orgs/{owner['login']}/events",
                         "hooks_url": f"{API}/orgs/{owner['login']}/hooks", "issues_url": f"{API}/orgs/{owner['login']}/issues",
                         "members_url": f"{API}/orgs/{owner['login']}/members{{/member}}",
                         "public_members_url": f"{API}/orgs/{owner['login']}/public_members{{/member}}",
                         "avatar_url": f"https://avatars.githubusercontent.com/u/{owner['id']}?v=4", "description": ""},
        "enterprise": None,
        "sender": sender,
    }
    _ = reviewer
    # The pull request's description (Markdown, as people write it) takes up the rest of the size.
    bare = len(encode(body))
    assert bare < target_bytes, f"the payload is {bare} bytes before its description; ask for more than that"
    text = POSTMORTEM * (1 + (target_bytes - bare) // len(POSTMORTEM))
    while True:  # trim until it fits: every character of POSTMORTEM is one byte and one JSON byte, except newlines (2)
        body["pull_request"]["body"] = text
        over = len(encode(body)) - target_bytes
        if over <= 0:
            break
        text = text[: len(text) - max(1, over // 2)]
    return body


def encode(obj):
    # GitHub sends compact JSON, UTF-8, non-ASCII left as is.
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--repo", default="acme/loadtest")
    parser.add_argument("--bytes", type=int, default=25600)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    data = encode(payload(args.repo, args.bytes))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "body.json"), "wb") as f:
        f.write(data)
    key = args.secret.encode("utf-8")
    with open(os.path.join(args.out, "signature256"), "w") as f:
        f.write("sha256=" + hmac.new(key, data, hashlib.sha256).hexdigest())
    with open(os.path.join(args.out, "signature1"), "w") as f:
        f.write("sha1=" + hmac.new(key, data, hashlib.sha1).hexdigest())
    print(f"payload: {len(data)} bytes, pull_request closed+merged, repository {args.repo}")


if __name__ == "__main__":
    main()
