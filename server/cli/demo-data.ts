/** The demo organization's partners: realistic, spread over countries, time zones and stages. */
export interface DemoPartner {
  name: string;
  legalName: string;
  country: string;
  category: string;
  status: string;
  website: string;
  description: string;
  tags: string[];
  sites: {
    name: string;
    country: string;
    city: string;
    timeZone: string;
    workingHours: { start: string; end: string; days: number[] };
  }[];
  services: {
    name: string;
    function: string;
    criticality: string;
    dataCategories: string[];
    dataLocations: string[];
    startDate: string;
    description?: string;
  }[];
  contacts: { name: string; email: string; phone: string; role: string; isPrimary?: boolean }[];
}

const weekdays = [1, 2, 3, 4, 5];
const site = (
  name: string,
  country: string,
  city: string,
  timeZone: string,
  start = "09:00",
  end = "18:00",
  days = weekdays,
) => ({
  name,
  country,
  city,
  timeZone,
  workingHours: { start, end, days },
});

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    name: "Bangalore Code Works",
    legalName: "Bangalore Code Works Private Limited",
    country: "IN",
    category: "software_development",
    status: "active",
    website: "https://codeworks.example.in",
    description: "Offshore development centre building and maintaining our core banking front ends.",
    tags: ["odc", "strategic"],
    sites: [
      site("Bengaluru delivery centre", "IN", "Bengaluru", "Asia/Kolkata", "09:30", "18:30"),
      site("Pune annex", "IN", "Pune", "Asia/Kolkata"),
    ],
    services: [
      {
        name: "Core banking portal maintenance",
        function: "Application development",
        criticality: "critical",
        dataCategories: ["personal_data", "financial", "source_code"],
        dataLocations: ["IN", "DE"],
        startDate: "2022-04-01",
      },
      {
        name: "Mobile app development",
        function: "Application development",
        criticality: "important",
        dataCategories: ["source_code"],
        dataLocations: ["IN"],
        startDate: "2023-01-15",
      },
    ],
    contacts: [
      {
        name: "Priya Raman",
        email: "priya.raman@codeworks.example.in",
        phone: "+91 80 4000 1200",
        role: "Delivery head",
        isPrimary: true,
      },
      {
        name: "Arjun Mehta",
        email: "arjun.mehta@codeworks.example.in",
        phone: "+91 80 4000 1250",
        role: "Security officer",
      },
    ],
  },
  {
    name: "Manila Contact Solutions",
    legalName: "Manila Contact Solutions Inc.",
    country: "PH",
    category: "bpo_customer_service",
    status: "active",
    website: "https://mcs.example.ph",
    description: "24/7 first-line customer support by phone, chat and email.",
    tags: ["bpo", "customer-facing"],
    sites: [
      site("Makati contact centre", "PH", "Makati", "Asia/Manila", "06:00", "22:00", [1, 2, 3, 4, 5, 6, 7]),
      site("Cebu overflow site", "PH", "Cebu City", "Asia/Manila", "08:00", "17:00"),
    ],
    services: [
      {
        name: "Customer support tier 1",
        function: "Customer service",
        criticality: "critical",
        dataCategories: ["personal_data", "financial"],
        dataLocations: ["PH"],
        startDate: "2021-09-01",
      },
    ],
    contacts: [
      {
        name: "Maria Santos",
        email: "maria.santos@mcs.example.ph",
        phone: "+63 2 8888 1000",
        role: "Account director",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Kraków Software House",
    legalName: "Kraków Software House sp. z o.o.",
    country: "PL",
    category: "software_development",
    status: "active",
    website: "https://ksh.example.pl",
    description: "Nearshore team for the payments platform.",
    tags: ["nearshore"],
    sites: [site("Kraków office", "PL", "Kraków", "Europe/Warsaw", "08:30", "16:30")],
    services: [
      {
        name: "Payments platform engineering",
        function: "Application development",
        criticality: "critical",
        dataCategories: ["source_code", "financial"],
        dataLocations: ["PL", "DE"],
        startDate: "2020-02-01",
      },
    ],
    contacts: [
      {
        name: "Tomasz Nowak",
        email: "tomasz.nowak@ksh.example.pl",
        phone: "+48 12 300 4000",
        role: "CTO",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Cluj Digital",
    legalName: "Cluj Digital SRL",
    country: "RO",
    category: "software_development",
    status: "onboarding",
    website: "https://clujdigital.example.ro",
    description: "Data engineering team being onboarded for the analytics programme.",
    tags: ["nearshore", "data"],
    sites: [site("Cluj-Napoca hub", "RO", "Cluj-Napoca", "Europe/Bucharest")],
    services: [
      {
        name: "Analytics data pipelines",
        function: "Data engineering",
        criticality: "important",
        dataCategories: ["personal_data", "confidential_business"],
        dataLocations: ["RO"],
        startDate: "2026-12-01",
      },
    ],
    contacts: [
      {
        name: "Andrei Pop",
        email: "andrei.pop@clujdigital.example.ro",
        phone: "+40 264 400 100",
        role: "Engagement manager",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Pampa Nearshore Labs",
    legalName: "Pampa Nearshore Labs S.A.",
    country: "AR",
    category: "software_development",
    status: "due_diligence",
    website: "https://pampalabs.example.ar",
    description: "Candidate for a second development centre with Americas time-zone coverage.",
    tags: ["candidate"],
    sites: [site("Buenos Aires studio", "AR", "Buenos Aires", "America/Argentina/Buenos_Aires")],
    services: [],
    contacts: [
      {
        name: "Lucía Fernández",
        email: "lucia.fernandez@pampalabs.example.ar",
        phone: "+54 11 5000 2000",
        role: "Business development",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Saigon Quality Testing",
    legalName: "Saigon Quality Testing JSC",
    country: "VN",
    category: "professional_services",
    status: "active",
    website: "https://sqt.example.vn",
    description: "Independent QA and test automation.",
    tags: ["qa"],
    sites: [site("Ho Chi Minh City lab", "VN", "Ho Chi Minh City", "Asia/Ho_Chi_Minh", "08:00", "17:00")],
    services: [
      {
        name: "Regression test automation",
        function: "Quality assurance",
        criticality: "standard",
        dataCategories: ["source_code"],
        dataLocations: ["VN"],
        startDate: "2023-06-01",
      },
    ],
    contacts: [
      {
        name: "Nguyen Van An",
        email: "an.nguyen@sqt.example.vn",
        phone: "+84 28 3800 1000",
        role: "QA lead",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Nairobi Data Services",
    legalName: "Nairobi Data Services Limited",
    country: "KE",
    category: "bpo_customer_service",
    status: "contracting",
    website: "https://nds.example.ke",
    description: "Back-office document processing and data entry.",
    tags: ["bpo"],
    sites: [site("Westlands operations", "KE", "Nairobi", "Africa/Nairobi", "08:00", "17:00")],
    services: [
      {
        name: "KYC document processing",
        function: "Back office",
        criticality: "important",
        dataCategories: ["personal_data", "sensitive_personal_data"],
        dataLocations: ["KE"],
        startDate: "2027-01-15",
      },
    ],
    contacts: [
      {
        name: "Grace Wanjiru",
        email: "grace.wanjiru@nds.example.ke",
        phone: "+254 20 400 5000",
        role: "Operations manager",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Shenzhen Precision Manufacturing",
    legalName: "Shenzhen Precision Manufacturing Co., Ltd.",
    country: "CN",
    category: "manufacturing",
    status: "active",
    website: "https://spm.example.cn",
    description: "Contract manufacturer of hardware security tokens and card readers.",
    tags: ["hardware", "ip-sensitive"],
    sites: [site("Bao'an factory", "CN", "Shenzhen", "Asia/Shanghai", "08:00", "17:30", [1, 2, 3, 4, 5, 6])],
    services: [
      {
        name: "Hardware token manufacturing",
        function: "Manufacturing",
        criticality: "important",
        dataCategories: ["confidential_business"],
        dataLocations: ["CN"],
        startDate: "2019-05-01",
      },
    ],
    contacts: [
      {
        name: "Li Wei",
        email: "li.wei@spm.example.cn",
        phone: "+86 755 2600 1000",
        role: "Key account manager",
        isPrimary: true,
      },
    ],
  },
  {
    name: "CloudScale Hosting",
    legalName: "CloudScale Hosting GmbH",
    country: "DE",
    category: "cloud_saas",
    status: "active",
    website: "https://cloudscale.example.de",
    description: "Managed hosting of production workloads in two EU regions.",
    tags: ["cloud", "strategic"],
    sites: [site("Frankfurt operations", "DE", "Frankfurt am Main", "Europe/Berlin", "08:00", "18:00")],
    services: [
      {
        name: "Production hosting",
        function: "IT infrastructure",
        criticality: "critical",
        dataCategories: ["personal_data", "financial"],
        dataLocations: ["DE", "IE"],
        startDate: "2018-11-01",
      },
    ],
    contacts: [
      {
        name: "Jonas Weber",
        email: "jonas.weber@cloudscale.example.de",
        phone: "+49 69 1200 3000",
        role: "Service delivery manager",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Monterrey Logistics",
    legalName: "Monterrey Logistics S.A. de C.V.",
    country: "MX",
    category: "logistics",
    status: "active",
    website: "https://mtylog.example.mx",
    description: "Warehousing and distribution of card stock for the Americas.",
    tags: ["logistics"],
    sites: [
      site("Apodaca warehouse", "MX", "Apodaca", "America/Monterrey", "07:00", "16:00", [1, 2, 3, 4, 5, 6]),
    ],
    services: [
      {
        name: "Card stock distribution",
        function: "Logistics",
        criticality: "standard",
        dataCategories: ["none"],
        dataLocations: [],
        startDate: "2021-03-01",
      },
    ],
    contacts: [
      {
        name: "Diego Garza",
        email: "diego.garza@mtylog.example.mx",
        phone: "+52 81 8000 1000",
        role: "Account manager",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Tallinn Security Operations",
    legalName: "Tallinn Security Operations OÜ",
    country: "EE",
    category: "it_infrastructure",
    status: "active",
    website: "https://tso.example.ee",
    description: "Managed security operations centre (24/7 monitoring and incident response).",
    tags: ["security", "strategic"],
    sites: [site("Tallinn SOC", "EE", "Tallinn", "Europe/Tallinn", "00:00", "23:59", [1, 2, 3, 4, 5, 6, 7])],
    services: [
      {
        name: "Managed SOC",
        function: "Security monitoring",
        criticality: "critical",
        dataCategories: ["personal_data", "confidential_business"],
        dataLocations: ["EE"],
        startDate: "2022-01-01",
      },
    ],
    contacts: [
      {
        name: "Kadri Tamm",
        email: "kadri.tamm@tso.example.ee",
        phone: "+372 600 1000",
        role: "SOC manager",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Cairo Translation Services",
    legalName: "Cairo Translation Services S.A.E.",
    country: "EG",
    category: "professional_services",
    status: "exiting",
    website: "https://cts.example.eg",
    description: "Arabic and French translation of customer communications; contract ending.",
    tags: ["language"],
    sites: [site("Cairo office", "EG", "Cairo", "Africa/Cairo", "09:00", "17:00", [7, 1, 2, 3, 4])],
    services: [
      {
        name: "Customer communication translation",
        function: "Translation",
        criticality: "standard",
        dataCategories: ["personal_data"],
        dataLocations: ["EG"],
        startDate: "2020-07-01",
      },
    ],
    contacts: [
      {
        name: "Omar Hassan",
        email: "omar.hassan@cts.example.eg",
        phone: "+20 2 2700 1000",
        role: "Managing director",
        isPrimary: true,
      },
    ],
  },
  {
    name: "Lisbon Legal Advisors",
    legalName: "Lisbon Legal Advisors, Lda.",
    country: "PT",
    category: "professional_services",
    status: "identified",
    website: "https://lla.example.pt",
    description: "Possible provider of outsourced contract review.",
    tags: ["candidate", "legal"],
    sites: [site("Lisbon office", "PT", "Lisbon", "Europe/Lisbon")],
    services: [],
    contacts: [
      {
        name: "Inês Costa",
        email: "ines.costa@lla.example.pt",
        phone: "+351 21 000 1000",
        role: "Partner",
        isPrimary: true,
      },
    ],
  },
];

/** Fourth-party links by partner name: [partner, sub-contractor, what they do]. */
export const DEMO_SUBCONTRACTORS: [string, string, string][] = [
  ["Manila Contact Solutions", "Nairobi Data Services", "Overflow e-mail handling"],
  ["Bangalore Code Works", "Saigon Quality Testing", "Regression testing of releases"],
  ["CloudScale Hosting", "Tallinn Security Operations", "Security monitoring of the hosting platform"],
];

export const DEMO_USERS = [
  { name: "Dana Demo", email: "demo@outsight.example", role: "admin" },
  { name: "Rita Okafor", email: "risk@outsight.example", role: "risk_manager" },
  { name: "Victor Lindqvist", email: "vendor@outsight.example", role: "vendor_manager" },
  { name: "Carla Moreau", email: "compliance@outsight.example", role: "compliance_officer" },
  { name: "Audrey Brandt", email: "auditor@outsight.example", role: "auditor" },
  { name: "Vera Novak", email: "viewer@outsight.example", role: "viewer" },
] as const;

export const DEMO_PASSWORD = "outsight-demo-2026";
export const DEMO_ORG = "Northwind Payments (demo)";
