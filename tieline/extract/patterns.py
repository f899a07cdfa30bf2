"""Text patterns shared by the HTML and scraped-text extractors."""

from __future__ import annotations

import re

# A heading that introduces other stories ("Related stories", "Read more", "Most popular"):
# what follows it is related material, never the article's body.
RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|news|posts|content|coverage|reading))?|read\s+more"
    r"|more\s+(?:stories|news|on\s+this\s+story|from\s+.{1,40})|you\s+(?:may|might)\s+also\s+like"
    r"|recommended(?:\s+(?:for\s+you|stories))?|most\s+(?:read|popular|viewed)"
    r"|trending(?:\s+now)?|also\s+read|further\s+reading|see\s+also|latest\s+(?:news|stories)"
    r"|top\s+stories)\s*:?$",
    re.I,
)
