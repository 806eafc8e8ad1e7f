"""Development tools of the gatelab repository; not part of the installed package."""
