import {People} from "./organization";
import type {Person} from "./types";

/**
 * Northstar's seats: the leadership team as the structure names it. Grace Mbeki
 * holds two seats (Finance and Operations, the second with only two
 * responsibilities so far), and the Security and Compliance seat is empty. The
 * executive sessions need the CEO, Revenue, Finance, Product, Engineering and
 * People seats.
 */

export interface SeatSample {
  seat: string;
  person?: Person;
  responsibilities: string[];
  reportsTo: string;
  requiredIn: string[];
}

const P = People;
const All = ["Weekly", "Monthly", "Quarterly", "Offsite"];
const Executive = [...All, "Executive session"];

export function sampleSeats(): SeatSample[] {
  return [
    {
      seat: "Chief Executive",
      person: P.ceo,
      responsibilities: [
        "Vision and the three-year picture",
        "Culture and values",
        "Investor and key customer relationships",
        "Capital allocation",
      ],
      reportsTo: "",
      requiredIn: Executive,
    },
    {
      seat: "Revenue",
      person: P.sales,
      responsibilities: [
        "Bookings against plan",
        "Pipeline coverage",
        "Pricing and discount policy",
        "Sales hiring and ramp",
      ],
      reportsTo: "Chief Executive",
      requiredIn: Executive,
    },
    {
      seat: "Finance",
      person: P.finance,
      responsibilities: [
        "Cash, runway and forecast",
        "Board and investor reporting",
        "Budget and spend control",
        "Gross margin",
      ],
      reportsTo: "Chief Executive",
      requiredIn: Executive,
    },
    {
      seat: "Operations",
      person: P.finance,
      responsibilities: ["Vendor and hosting contracts", "Internal tools and processes"],
      reportsTo: "Chief Executive",
      requiredIn: ["Weekly", "Quarterly"],
    },
    {
      seat: "Product",
      person: P.product,
      responsibilities: ["Roadmap and priorities", "Partner API and platform", "Adoption and product quality"],
      reportsTo: "Chief Executive",
      requiredIn: Executive,
    },
    {
      seat: "Engineering",
      person: P.engineering,
      responsibilities: ["Reliability and uptime", "Delivery pace", "Architecture", "Engineering hiring"],
      reportsTo: "Chief Executive",
      requiredIn: ["Weekly", "Quarterly", "Offsite", "Executive session"],
    },
    {
      seat: "Customer Success",
      person: P.success,
      responsibilities: ["Net revenue retention", "Support backlog and response times", "Onboarding time to value"],
      reportsTo: "Revenue",
      requiredIn: ["Weekly", "Quarterly", "Offsite"],
    },
    {
      seat: "Marketing",
      person: P.marketing,
      responsibilities: ["Qualified pipeline", "Brand and positioning", "Launches and events"],
      reportsTo: "Revenue",
      requiredIn: ["Weekly", "Quarterly", "Offsite"],
    },
    {
      seat: "People",
      person: P.people,
      responsibilities: [
        "Hiring plan and recruiting",
        "Engagement and retention",
        "Leadership development",
        "Pay and levels",
      ],
      reportsTo: "Chief Executive",
      requiredIn: ["Weekly", "Quarterly", "Offsite", "Executive session"],
    },
    {
      seat: "Security and Compliance",
      responsibilities: ["Security program", "SOC 2 and customer audits", "Data privacy"],
      reportsTo: "Engineering",
      requiredIn: ["Monthly", "Quarterly"],
    },
  ];
}
