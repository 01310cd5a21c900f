/** The demonstration coalition's plans, as the text files its library holds (fictional). */
export const DEMO_PLANS: readonly { title: string; kind: 'conops' | 'macp' | 'warning' | 'annex' | 'sop'; owner: string; versions: { label: string; effectiveDaysAgo: number; reviewInDays: number; text: string }[] }[] = [
  {
    title: 'Coalition Response Plan',
    kind: 'conops',
    owner: 'PVB HCC Preparedness Committee',
    versions: [
      {
        label: 'v3.1',
        effectiveDaysAgo: 720,
        reviewInDays: -355,
        text: `DEMONSTRATION DATA - Coalition Response Plan v3.1 (superseded)

1. Purpose
This plan describes how the Pioneer Valley & Berkshires Health Care Coalition coordinates the health and medical response (ESF-8) for Region 1.

4. Activation levels
Monitoring, partial and full activation are declared by the coalition coordinator only.
`,
      },
      {
        label: 'v3.2',
        effectiveDaysAgo: 300,
        reviewInDays: 65,
        text: `DEMONSTRATION DATA - Coalition Response Plan v3.2

1. Purpose
This plan describes how the Pioneer Valley & Berkshires Health Care Coalition coordinates the health and medical response (ESF-8) for Region 1: information sharing, resource coordination, patient movement support and situational awareness for members.

2. Scope
It applies to every core member (hospitals, EMS, public health, emergency management, long-term care, community health centers) and to supporting partners that ask for coordination.

3. Concept of operations
The coalition does not command members. It gathers essential elements of information, shares a common operating picture, matches requests with resources, and speaks with MDPH ESF-8 for the region.

4. Activation levels
Monitoring: the duty officer watches a developing situation and shares information.
Partial activation: two or more members report surge, a facility is on generator power or evacuating, or MDPH asks for regional coordination. The duty officer may declare partial activation and notifies the coalition coordinator within 30 minutes.
Full activation: a mass casualty incident, a regional evacuation, or a declared state of emergency. The coordinator or the duty officer declares full activation.

5. Authority to activate
The 24/7 duty officer, the coalition coordinator and the deputy coordinator may activate the coalition. Any core member's emergency manager may ask the duty officer to activate.

6. Coordination center
The Regional Coordination Center (RCC) opens at 100 Main St, Northampton, room 2. The alternate site is the Holyoke fire headquarters training room. The RCC can run with no network: the console keeps its record on each workstation.

7. Resource requests
Members send ICS 213RR resource requests to the RCC. The logistics section fills them from coalition caches, from members under mutual aid agreements, or asks the state.

8. Demobilization
The coordinator returns the coalition to monitoring when no member needs coordination and open requests are closed or handed back.
`,
      },
    ],
  },
  {
    title: 'Multi-Agency Coordination Plan',
    kind: 'macp',
    owner: 'PVB HCC Coordinator',
    versions: [
      {
        label: 'v2.0',
        effectiveDaysAgo: 500,
        reviewInDays: 230,
        text: `DEMONSTRATION DATA - Multi-Agency Coordination Plan v2.0

1. Members of the multi-agency coordination group
The group brings together one decision maker from each hospital, the EMS regional council, the public health districts and the county emergency management directors.

2. Decisions the group makes
Priorities for scarce resources, such as ventilators, ambulances and long-term care beds, are set by the group when more than one member asks for the same resource.

3. Meetings
The group meets by conference call at the start of each operational period. The planning section chief keeps the decision log.

4. Radio and backup communications
When phones fail, members check in on HMCC talkgroup 1; the backup radio net runs every 12 hours during an activation.
`,
      },
    ],
  },
  {
    title: 'Emergency Public Information and Warning Plan',
    kind: 'warning',
    owner: 'PVB HCC Public Information Officer',
    versions: [
      {
        label: 'v1.4',
        effectiveDaysAgo: 400,
        reviewInDays: 20,
        text: `DEMONSTRATION DATA - Emergency Public Information and Warning Plan v1.4

1. Who may issue a public warning
Public warnings about health and medical matters are issued by the public health districts. The coalition drafts CAP alerts for them on request and keeps a record of every alert issued.

2. Templates
Boil-water advisories, extreme heat and cold, shelter and warming center openings, and health advisories have approved templates.

3. Languages and access
Every alert is written in plain language. Spanish, Portuguese and Vietnamese translations are arranged through the human services agencies in the services directory.
`,
      },
    ],
  },
  {
    title: 'Shelter and Warming Center Annex',
    kind: 'annex',
    owner: 'Regional Shelter Task Force',
    versions: [
      {
        label: 'v1.0',
        effectiveDaysAgo: 900,
        reviewInDays: -170,
        text: `DEMONSTRATION DATA - Shelter and Warming Center Annex v1.0

1. Warming centers
Towns open warming centers when the power is out in freezing weather. Oxygen-dependent residents need outlets on generator power.

2. Medical needs shelter
Residents who need medical care beyond first aid go to the regional medical needs shelter at the Northampton high school, staffed by the Medical Reserve Corps.

3. Transport
Paratransit and wheelchair vans are requested through the services directory; ambulances are not used for routine shelter transport.
`,
      },
    ],
  },
  {
    title: 'Regional Call-down SOP',
    kind: 'sop',
    owner: 'PVB HCC Duty Officer',
    versions: [
      {
        label: 'v5',
        effectiveDaysAgo: 120,
        reviewInDays: 245,
        text: `DEMONSTRATION DATA - Regional Call-down SOP v5

1. When to call down
Start a call-down of hospitals and emergency management within 15 minutes of a partial or full activation.

2. How to call
Call the 24/7 number in the directory. Record every attempt: reached, voicemail, no answer or wrong number. A voicemail is not a notification; call again within 30 minutes.

3. Acknowledgement
A contact is notified when a named person acknowledges the message. Record who acknowledged.
`,
      },
    ],
  },
];
